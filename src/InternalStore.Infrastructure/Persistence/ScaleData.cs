using System.Diagnostics;
using InternalStore.Application.Checkout;
using InternalStore.Domain.Benefits;
using InternalStore.Domain.Catalog;
using InternalStore.Domain.Ordering;
using InternalStore.Domain.People;
using InternalStore.Domain.Settlement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternalStore.Infrastructure.Persistence;

/// <param name="Until">The last day of the history; orders spread over the <paramref name="Years"/> before it.</param>
/// <param name="Writer">How rows reach the database: <see cref="ScaleWriter.Bulk"/>, or SaveChanges to measure it against.</param>
public sealed record ScaleOptions(int Employees, int Products, int Orders, int Years, int Seed, DateOnly Until,
    ScaleWriter Writer = ScaleWriter.Bulk);

public enum ScaleWriter
{
    Bulk,
    SaveChanges,
}

public sealed record ScaleReport(int Companies, int CostCenters, int Employees, int Leavers, int Products, int Orders,
    int Refunds, TimeSpan Elapsed);

/// <summary>
/// A whole group's worth of data on top of the demo data, for measuring the store at company scale
/// (<c>internalstore seed-scale</c>): subsidiaries with cost centres, a roster with grades, tenures,
/// hires and leavers, a catalog across categories, and years of orders by employees (payroll and card),
/// departments (chargeback) and affiliates (intercompany invoice) with their payments, deductions,
/// journal entries, invoices, fringe benefits, allowance ledgers and some refunds and cancellations.
/// Everything is made by the domain's own methods (so the rows hold the store's invariants) and
/// written in batches; the same seed and options give the same data. Prices follow the demo
/// policy's shape (a discount by grade, never below cost; cost plus 5 % for departments, 8 % between
/// companies) rather than a quote per order, which would take hours at a million orders.
/// </summary>
public sealed class ScaleData(IBenefitTaxRule benefitRule, IOptions<PayrollOptions> payroll)
{
    /// <summary>Every generated product starts with this stock; what is on hand at the end is it less the units sold.</summary>
    public const int InitialStock = 10_000_000;

    public const string CompanyPrefix = "SC";
    private const int OrdersPerBatch = 2_000;
    private const string Currency = "USD";
    private const string By = "seed-scale";

    private static readonly string[] Departments = ["Manufacturing", "Packing", "Dispatch", "IT", "Marketing", "Sales", "Finance", "Operations"];
    private static readonly string[] Categories = ["electronics", "office", "home", "apparel", "grocery", "sports", "books", "toys", "services"];
    private static readonly string[] GivenNames = ["Ada", "Ben", "Chloe", "Dev", "Elif", "Femi", "Greta", "Hugo", "Ines", "Jonas", "Kira", "Luca", "Mira", "Noor", "Omar", "Pia"];
    private static readonly string[] FamilyNames = ["Andersen", "Baker", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Horvat", "Ito", "Jansen", "Kowalski", "Larsen", "Moreau", "Novak", "Okafor", "Petrov"];

    public async Task<ScaleReport> SeedAsync(StoreDbContext db, ScaleOptions options, IProgress<string>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Employees);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Products);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Orders);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Years);
        if (await db.Companies.AnyAsync(c => c.Code.StartsWith(CompanyPrefix), cancellationToken))
            throw new InvalidOperationException("The database has scale data already; seed-scale fills a database once (drop it or use another).");
        var watch = Stopwatch.StartNew();
        var random = new Random(options.Seed);
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        // One connection throughout; on SQLite with a page cache that holds the growing indexes (256 MB, not 2).
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144", cancellationToken);
        try
        {
            var group = await new GroupWriter(db, random, options).WriteAsync(cancellationToken);
            progress?.Report($"{watch.Elapsed.TotalSeconds:F1} s: {group.Companies.Count} companies, {group.CostCenters.Count} cost centres, {group.Employees.Length} employees, "
                             + $"{group.Products.Length} products");
            var orders = new OrderWriter(db, random, options, group, benefitRule, new PayrollCalendar(payroll.Value.PeriodsPerMonth));
            var (written, refunds) = await orders.WriteAsync(progress, cancellationToken);
            return new ScaleReport(group.Companies.Count, group.CostCenters.Count, group.Employees.Length,
                group.Employees.Count(e => e.Status == EmploymentStatus.Terminated), group.Products.Length, written, refunds, watch.Elapsed);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
            db.ChangeTracker.Clear();
            if (db.Database.IsSqlite())
                await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Writes new entities (with what they own and hold) by the chosen writer.</summary>
    private static async Task SaveAsync(StoreDbContext db, ScaleWriter writer, IEnumerable<object> entities, CancellationToken ct)
    {
        if (writer == ScaleWriter.Bulk)
        {
            await BulkInsert.WriteAsync(db, entities, ct);
            return;
        }

        db.AddRange(entities);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    internal sealed record Group(List<Company> Companies, List<CostCenter> CostCenters, Employee[] Employees, Product[] Products);

    /// <summary>Companies, cost centres, people and products, in that order (each refers to the one before).</summary>
    private sealed class GroupWriter(StoreDbContext db, Random random, ScaleOptions options)
    {
        public async Task<Group> WriteAsync(CancellationToken ct)
        {
            var parent = await db.Companies.AsNoTracking().Where(c => c.ParentCode == null).OrderBy(c => c.Code)
                             .Select(c => c.Code).FirstOrDefaultAsync(ct)
                         ?? throw new InvalidOperationException("Seed the demo data first (internalstore seed-demo): the scale data joins its group.");
            // Two at least, so that companies of the group buy from each other.
            var count = Math.Clamp(options.Employees / 10_000, 2, 99);
            var companies = Enumerable.Range(1, count).Select(i => new Company($"{CompanyPrefix}{i:D2}", $"Subsidiary {i:D2}", parent,
                i % 3 == 0 ? SupplyKind.Service : SupplyKind.Goods)).ToList();
            var costCenters = companies.SelectMany(c => Departments.Select((name, d) =>
                new CostCenter($"{c.Code}-{d + 1}0", name, c.Code))).ToList();
            await SaveAsync([.. companies, .. costCenters], ct);

            var today = options.Until;
            var employees = new Employee[options.Employees];
            for (var i = 0; i < employees.Length; i++)
            {
                var company = companies[i % companies.Count];
                var centre = costCenters[companies.IndexOf(company) * Departments.Length + random.Next(Departments.Length)];
                // Tenures from new joiners to 30 years; grades weighted to the middle.
                var hired = today.AddDays(-random.Next(0, 365 * Math.Max(options.Years + 5, 30)));
                var grade = Math.Clamp((random.Next(1, 11) + random.Next(1, 11)) / 2, 1, 10);
                var given = GivenNames[random.Next(GivenNames.Length)];
                var family = FamilyNames[random.Next(FamilyNames.Length)];
                var id = $"N{i + 1:D6}";
                var employee = new Employee(id, $"{given} {family}", $"{given}.{family}.{id}@{company.Code.ToLowerInvariant()}.example".ToLowerInvariant(),
                    company.Code, centre.Code, grade, hired);
                if (random.Next(100) < 8 && hired < today)
                    employee.Terminate(hired.AddDays(random.Next(1, today.DayNumber - hired.DayNumber + 1)));
                employees[i] = employee;
            }

            foreach (var chunk in employees.Chunk(5_000))
                await SaveAsync(chunk, ct);

            var products = new Product[options.Products];
            for (var i = 0; i < products.Length; i++)
            {
                var category = Categories[random.Next(Categories.Length)];
                // Prices from 5 to about 1 500, evenly on a log scale, ending in .99 or .90; cost 35-70 % of list.
                var list = Math.Round((decimal)Math.Exp(Math.Log(5) + random.NextDouble() * (Math.Log(1500) - Math.Log(5))), 0) - 0.01m * (random.Next(2) == 0 ? 1 : 10);
                list = Math.Max(list, 1.99m);
                var cost = Math.Round(list * (0.35m + 0.35m * (decimal)random.NextDouble()), 2);
                products[i] = Product.Create($"SC-{i + 1:D5}", new ProductDetails($"{Title(category)} item {i + 1}", null, category, list, cost, Currency,
                    EmployeeDiscount: random.Next(20) != 0, Active: true), InitialStock, new DateTimeOffset(today.AddYears(-options.Years).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
            }

            foreach (var chunk in products.Chunk(5_000))
                await SaveAsync(chunk, ct);

            return new Group(companies, costCenters, employees, products);
        }

        private Task SaveAsync(IEnumerable<object> entities, CancellationToken ct) => ScaleData.SaveAsync(db, options.Writer, entities, ct);

        private static string Title(string category) => char.ToUpperInvariant(category[0]) + category[1..];
    }

    /// <summary>Orders in time order, with what each method makes of them, a batch at a time; products and ledgers last.</summary>
    private sealed class OrderWriter(StoreDbContext db, Random random, ScaleOptions options, Group group, IBenefitTaxRule rule,
        PayrollCalendar calendar)
    {
        private const decimal AnnualAllowance = 1500m;
        private readonly Dictionary<(string Employee, int Year), AllowanceLedger> _ledgers = [];
        private readonly Dictionary<(string Seller, int Year), int> _invoiceNumbers = [];
        private readonly Dictionary<string, SupplyKind?> _lineOfBusiness = group.Companies.ToDictionary(c => c.Code, c => c.LineOfBusiness);
        private readonly List<object> _batch = [];
        private int _refunds;

        public async Task<(int Orders, int Refunds)> WriteAsync(IProgress<string>? progress, CancellationToken ct)
        {
            var end = new DateTimeOffset(options.Until.ToDateTime(new TimeOnly(18, 0)), TimeSpan.Zero);
            var start = end.AddYears(-options.Years);
            var span = (end - start).Ticks;
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < options.Orders; i++)
            {
                var placedAt = start.AddTicks((long)((i + random.NextDouble()) / options.Orders * span));
                placedAt = new DateTimeOffset(placedAt.Ticks - placedAt.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
                Place(i, placedAt, end);
                if ((i + 1) % OrdersPerBatch == 0)
                {
                    await FlushAsync(ct);
                    if ((i + 1) % (OrdersPerBatch * 25) == 0)
                        progress?.Report($"{i + 1} of {options.Orders} orders ({Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s)");
                }
            }

            await FlushAsync(ct);
            progress?.Report($"{options.Orders} orders ({Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s)");
            await WriteStockAndLedgersAsync(ct);
            progress?.Report($"stock and allowance ledgers ({Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s)");
            return (options.Orders, _refunds);
        }

        private void Place(int index, DateTimeOffset placedAt, DateTimeOffset end)
        {
            var roll = random.Next(100);
            var kind = roll < 88 ? BuyerKind.Employee : roll < 96 ? BuyerKind.Department : BuyerKind.Affiliate;
            var today = DateOnly.FromDateTime(placedAt.UtcDateTime);
            Employee? employee = null;
            string buyer, company, seller;
            string? costCenter = null;
            switch (kind)
            {
                case BuyerKind.Employee:
                    employee = EmployedOn(today);
                    if (employee is null)
                        goto case BuyerKind.Department; // nobody employed yet that day: a department buys instead
                    (buyer, company, seller) = (employee.Id, employee.CompanyCode, employee.CompanyCode);
                    break;
                case BuyerKind.Department:
                    kind = BuyerKind.Department;
                    var centre = group.CostCenters[random.Next(group.CostCenters.Count)];
                    (buyer, company, seller, costCenter) = ($"D-{centre.Code}", centre.CompanyCode, centre.CompanyCode, centre.Code);
                    break;
                default:
                    var buying = group.Companies[random.Next(group.Companies.Count)];
                    var selling = group.Companies.Count > 1
                        ? group.Companies.Where(c => c != buying).ElementAt(random.Next(group.Companies.Count - 1))
                        : buying;
                    if (selling == buying)
                        goto case BuyerKind.Department;
                    (buyer, company, seller) = ($"A-{buying.Code}", buying.Code, selling.Code);
                    break;
            }

            var ledger = employee is null ? null : LedgerOf(employee.Id, placedAt.UtcDateTime.Year);
            var lines = new List<OrderLine>();
            var products = new Dictionary<string, Product>(StringComparer.Ordinal);
            var allowanceLeft = ledger is null ? 0m : AnnualAllowance - ledger.Taken;
            foreach (var _ in Enumerable.Range(0, 1 + random.Next(3)))
            {
                var product = group.Products[random.Next(group.Products.Length)];
                if (!products.TryAdd(product.Sku, product))
                    continue;
                var quantity = 1 + random.Next(random.Next(10) == 0 ? 5 : 2);
                var (unit, explanation) = kind switch
                {
                    BuyerKind.Employee when product.EmployeeDiscount =>
                        (Math.Max(product.UnitCost, Math.Round(product.ListPrice * (1 - GradePercent(employee!.Grade) / 100m), 2)),
                            $"employee grade {employee.Grade}: {GradePercent(employee.Grade)} % off list, floored at cost"),
                    BuyerKind.Employee => (product.ListPrice, "excluded from the employee discount"),
                    BuyerKind.Department => (Math.Round(product.UnitCost * 1.05m, 2), "transfer price: cost + 5 %"),
                    _ => (Math.Round(product.UnitCost * 1.08m, 2), "intercompany price: cost + 8 %"),
                };
                var total = unit * quantity;
                var discount = Math.Max(0m, product.ListPrice * quantity - total);
                var allowance = kind == BuyerKind.Employee ? Math.Min(discount, Math.Max(0m, allowanceLeft)) : 0m;
                allowanceLeft -= allowance;
                var line = new OrderLine(product.Sku, product.Name, quantity, product.ListPrice, unit, total, discount, allowance,
                    explanation, product.UnitCost);
                if (kind == BuyerKind.Employee)
                    line.PricedForBenefits(product.ListPrice, product.SupplyKind);
                lines.Add(line);
            }

            var order = Order.Place(new OrderPlacement(kind, buyer, company, seller, costCenter, Currency, lines, products, ledger,
                placedAt, TimeSpan.FromMinutes(30), $"scale-{options.Seed}-{index}", "seed-scale"));
            _batch.Add(order);
            var paidAt = placedAt.AddMinutes(1 + random.Next(20));
            if (random.Next(100) < 3)
            {
                order.Cancel(buyer, paidAt);
                foreach (var line in order.Lines)
                    products[line.Sku].Release(line.Quantity, paidAt);
                ledger?.Release(order.AllowanceReserved);
                return;
            }

            var schedule = Settle(order, kind, ledger, placedAt, paidAt, end);
            if (order.Status == OrderStatus.Paid && paidAt.AddDays(3) < end)
                order.Fulfil(By, paidAt.AddDays(1 + random.Next(2)));
            if (kind == BuyerKind.Employee && order.IsSettled && random.Next(100) < 3 && paidAt.AddDays(10) < end)
                Refund(order, ledger!, schedule, paidAt.AddDays(2 + random.Next(7)));
        }

        /// <returns>The payroll schedule, when the method makes one.</returns>
        private PayrollSchedule? Settle(Order order, BuyerKind kind, AllowanceLedger? ledger, DateTimeOffset placedAt, DateTimeOffset paidAt,
            DateTimeOffset end)
        {
            var day = DateOnly.FromDateTime(placedAt.UtcDateTime);
            switch (kind)
            {
                case BuyerKind.Employee when random.Next(2) == 0:
                    order.ChooseMethod(PaymentMethod.Payroll, false, $"scale-checkout-{order.IdempotencyKey}", "seed-scale");
                    var schedule = PayrollSchedule.Create(order.Id, order.BuyerId, order.Total, order.Currency,
                        calendar.NextPayDates(day, 1 + random.Next(3)), paidAt);
                    _batch.Add(schedule);
                    Paid(order, ledger, paidAt, "payroll deduction");
                    return schedule;
                case BuyerKind.Employee:
                    order.ChooseMethod(PaymentMethod.Card, false, $"scale-checkout-{order.IdempotencyKey}", "seed-scale");
                    var card = new CardPayment(order.Id, InternalStore.Pricing.Currencies.ToMinorUnits(order.Total, order.Currency), order.Currency, placedAt);
                    card.IntentCreated($"pi_scale_{order.IdempotencyKey}", placedAt);
                    card.Succeed(paidAt);
                    _batch.Add(card);
                    Paid(order, ledger, paidAt, "card");
                    break;
                case BuyerKind.Department:
                    order.ChooseMethod(PaymentMethod.Chargeback, false, $"scale-checkout-{order.IdempotencyKey}", "seed-scale");
                    _batch.Add(new JournalEntry(JournalKind.Chargeback, order.Id, order.Company, order.CostCenter, order.SellerCompany,
                        order.Total, order.Cost, order.Currency, paidAt, $"Order {order.Id}: {order.CostCenter} charged by {order.SellerCompany} at transfer price"));
                    Paid(order, ledger, paidAt, $"charged back to cost centre {order.CostCenter}");
                    break;
                default:
                    order.ChooseMethod(PaymentMethod.Invoice, true, $"scale-checkout-{order.IdempotencyKey}", "seed-scale");
                    var year = paidAt.UtcDateTime.Year;
                    var number = _invoiceNumbers[(order.SellerCompany, year)] = _invoiceNumbers.GetValueOrDefault((order.SellerCompany, year)) + 1;
                    var invoice = new IntercompanyInvoice(IntercompanyInvoice.FormatNumber(order.SellerCompany, year, number), order.Id,
                        order.SellerCompany, order.Company, DateOnly.FromDateTime(paidAt.UtcDateTime), 30, order.Currency,
                        order.Lines.Select(InvoiceLine.For));
                    _batch.Add(invoice);
                    _batch.Add(new JournalEntry(JournalKind.IntercompanyInvoice, order.Id, order.Company, null, order.SellerCompany,
                        order.Total, order.Cost, order.Currency, paidAt, $"Invoice {invoice.Number}"));
                    order.AwaitSettlement($"invoiced as {invoice.Number}", order.BuyerId, paidAt);
                    // Finance settles within the payment term; the last month's invoices are still open.
                    var settled = paidAt.AddDays(5 + random.Next(25));
                    if (settled < end)
                    {
                        invoice.Settle(By, settled);
                        Paid(order, ledger, settled, $"invoice {invoice.Number} settled");
                    }

                    break;
            }

            return null;
        }

        private void Paid(Order order, AllowanceLedger? ledger, DateTimeOffset paidAt, string how)
        {
            order.MarkPaid(order.BuyerId, paidAt, how);
            if (order.AllowanceReserved > 0)
                ledger!.Commit(order.AllowanceReserved);
            if (order.BuyerKind != BuyerKind.Employee)
                return;
            var period = calendar.PayDateOnOrAfter(DateOnly.FromDateTime(paidAt.UtcDateTime));
            var lineOfBusiness = _lineOfBusiness.GetValueOrDefault(order.Company);
            foreach (var line in order.Lines)
            {
                var assessment = rule.Assess(new BenefitLine(line.SupplyKind, lineOfBusiness is null || lineOfBusiness == line.SupplyKind,
                    line.ExternalUnitPrice, line.UnitPrice, line.Quantity, 0m, order.Currency));
                _batch.Add(new BenefitEntry(order.BuyerId, order.Id, line.Sku, period, line.Quantity, assessment, rule.Name, order.Currency, paidAt));
            }
        }

        /// <summary>One unit of the first line back, money and allowance included (not to stock: a return is inspected first).</summary>
        private void Refund(Order order, AllowanceLedger ledger, PayrollSchedule? schedule, DateTimeOffset at)
        {
            var line = order.Lines[0];
            var (amount, allowance) = line.TakeBack(1, order.Currency);
            if (amount <= 0)
                return;
            var card = order.PaymentMethod == PaymentMethod.Card;
            var refund = new Refund(order.Id, order.PaymentMethod!.Value, card, $"scale-refund-{order.IdempotencyKey}", "seed-scale", By,
                "damaged in transit", false, order.Currency, [new RefundLine(line.Sku, 1, amount)], allowance, at);
            if (card)
                refund.ProviderAccepted($"re_scale_{order.IdempotencyKey}", true, at.AddMinutes(1));
            order.RecordRefund(amount, By, at, "damaged in transit");
            if (allowance > 0)
                ledger.Restore(allowance);
            schedule?.Refund(amount, calendar.NextPayDates(DateOnly.FromDateTime(at.UtcDateTime), 1)[0]);
            _batch.Add(refund);
            _refunds++;
        }

        private Employee? EmployedOn(DateOnly day)
        {
            for (var attempt = 0; attempt < 20; attempt++)
            {
                var candidate = group.Employees[random.Next(group.Employees.Length)];
                if (candidate.HireDate <= day && (candidate.TerminationDate is null || candidate.TerminationDate >= day))
                    return candidate;
            }

            return null;
        }

        private AllowanceLedger LedgerOf(string employee, int year)
        {
            if (!_ledgers.TryGetValue((employee, year), out var ledger))
                _ledgers[(employee, year)] = ledger = new AllowanceLedger(employee, year);
            return ledger;
        }

        private static decimal GradePercent(int grade) => grade <= 3 ? 10m : grade <= 7 ? 15m : 20m;

        private async Task FlushAsync(CancellationToken ct)
        {
            if (_batch.Count == 0)
                return;
            await SaveAsync(db, options.Writer, _batch, ct);
            _batch.Clear();
        }

        /// <summary>The products' stock after every order, and the ledgers of every employee and year.</summary>
        private async Task WriteStockAndLedgersAsync(CancellationToken ct)
        {
            foreach (var product in group.Products.Where(p => p.StockOnHand != InitialStock))
            {
                var stock = product.StockOnHand;
                await db.Products.Where(p => p.Sku == product.Sku)
                    .ExecuteUpdateAsync(set => set.SetProperty(p => p.StockOnHand, stock), ct);
            }

            foreach (var chunk in _ledgers.Values.Chunk(5_000))
                await SaveAsync(db, options.Writer, chunk, ct);
        }
    }
}
