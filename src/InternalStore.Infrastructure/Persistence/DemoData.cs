using InternalStore.Domain.InternalServices;
using InternalStore.Domain.Subscriptions;
using InternalStore.Domain.Benefits;
using InternalStore.Domain.Catalog;
using InternalStore.Domain.People;
using InternalStore.Domain.Pricing;

namespace InternalStore.Infrastructure.Persistence;

/// <summary>
/// The demo group of docs/api.md: JKL with subsidiaries ABC (goods) and XYZ (services), their cost
/// centres, the people that examples and checks rely on, and about 40 products.
/// </summary>
public sealed class DemoData(TimeProvider clock)
{
    private const string Usd = "USD";

    public async Task SeedAsync(StoreDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        db.Companies.AddRange(
            new Company("JKL", "JKL Group", null),
            new Company("ABC", "ABC Goods", "JKL", SupplyKind.Goods),
            new Company("XYZ", "XYZ Services", "JKL", SupplyKind.Service));
        await db.SaveChangesAsync(cancellationToken); // parents before children: the FK is self-referencing

        db.CostCenters.AddRange(
            new CostCenter("CC-1000", "Manufacturing", "ABC"),
            new CostCenter("CC-1100", "Packing", "ABC"),
            new CostCenter("CC-1200", "Dispatch", "ABC"),
            new CostCenter("CC-4100", "IT", "ABC"),
            new CostCenter("CC-5100", "Marketing", "ABC"),
            new CostCenter("CC-5200", "Sales", "ABC"),
            new CostCenter("CC-2000", "Operations", "XYZ"));

        var terminated = new Employee("E1004", "Dana Okafor", "dana.okafor@abc.example", "ABC", "CC-1100", 4,
            new DateOnly(2015, 3, 2));
        terminated.Terminate(today.AddMonths(-2));
        db.Employees.AddRange(
            new Employee("E1001", "Alice Moreau", "alice.moreau@abc.example", "ABC", "CC-1000", 5, new DateOnly(2018, 4, 16)),
            new Employee("E1002", "Bram de Vries", "bram.devries@abc.example", "ABC", "CC-4100", 8, new DateOnly(2012, 9, 3)),
            new Employee("E1003", "Chen Wei", "chen.wei@abc.example", "ABC", "CC-5200", 3, today.AddDays(-30)),
            terminated,
            new Employee("E2001", "Eva Lindqvist", "eva.lindqvist@xyz.example", "XYZ", "CC-2000", 3, new DateOnly(2021, 6, 14)),
            new Employee("H9001", "Hana Sato", "hana.sato@abc.example", "ABC", "CC-5100", 7, new DateOnly(2016, 1, 11)),
            new Employee("F9001", "Farid Haddad", "farid.haddad@abc.example", "ABC", "CC-4100", 7, new DateOnly(2017, 5, 22)),
            new Employee("C9001", "Carla Rossi", "carla.rossi@abc.example", "ABC", "CC-5200", 6, new DateOnly(2019, 10, 7)),
            new Employee("D1200", "Deniz Yilmaz", "deniz.yilmaz@abc.example", "ABC", "CC-1200", 5, new DateOnly(2014, 2, 17)));

        db.Products.AddRange(Products.Select(p => Product.Create(p.Sku,
            new ProductDetails(p.Name, p.Description, p.Category, p.List, p.Cost, Usd, p.EmployeeDiscount, Active: true),
            p.Stock, now)));

        var policy = PolicyVersion.Draft("JKL", 1, "Group employee discount policy", GroupPolicyDocument, "seed", now);
        policy.Publish(new DateOnly(2020, 1, 1), now);
        db.Policies.Add(policy);
        db.Promotions.AddRange(
            new StorePromotion("staff-coffee", "COF-1K", null, 40m, "employee", new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31), "JKL"),
            new StorePromotion("spring-apparel", null, "apparel", 25m, "all", new DateOnly(today.Year, 3, 1), new DateOnly(today.Year, 3, 31)),
            new StorePromotion("home-week", null, "home", 15m, "all", today.AddDays(-3), today.AddDays(4)));
        db.TransferPricing.Add(new TransferPricingSettings(5m, 8m, """[{"category":"electronics","markupPercent":"3"}]"""));
        // An open request for finance to answer: Dispatch wants ten monitors a little under the transfer price.
        db.QuoteRequests.Add(Domain.Negotiation.QuoteRequest.Submit(Domain.Ordering.BuyerKind.Department, "D1200", "department-buyer", "ABC", "ABC",
            "CC-1200", null, "ABC", [new Domain.Negotiation.QuoteRequestLine("MON-27", "27-inch monitor", 10, 245.00m)], null,
            "Ten monitors for the new packing line; can we do 245 each?", "demo-request-1", "demo", now));
        await db.SaveChangesAsync(cancellationToken);
        await SeedSubscriptionsAsync(db, now, cancellationToken);
        await SeedInternalServicesAsync(db, now, cancellationToken);
    }

    /// <summary>
    /// IT (CC-4100) supports Marketing and Sales (and XYZ's Operations, intercompany); Packing (CC-1100)
    /// serves Dispatch; over the last three months and this one, every month still open for finance to close.
    /// </summary>
    private static async Task SeedInternalServicesAsync(StoreDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var thisMonth = AccountingMonth.Of(today);
        var start = thisMonth.Previous.Previous.Previous;
        InternalService Service(string id, string name, string unit, string centre, decimal rate, string description) =>
            InternalService.Create(id, new InternalServiceTerms(name, unit, description, Active: true), centre, "ABC", Usd, rate,
                start.First, "seed", now.AddDays(-100));
        var support = Service("IT-SUPPORT-H", "IT support hour", "hour", "CC-4100", 82.00m, "Desk-side and remote support, per hour");
        support.AddRate(78.00m, start.First, "CC-5200", "seed", now.AddDays(-100)); // Sales negotiated a volume rate
        support.AddRate(85.00m, thisMonth.Previous.First, null, "seed", now.AddDays(-40));
        var setup = Service("IT-LAPTOP-SETUP", "Laptop set-up", "set-up", "CC-4100", 120.00m, "Imaging, accounts and hand-over of a laptop");
        var pallet = Service("PK-PALLET", "Pallet packed", "pallet", "CC-1100", 14.50m, "One pallet packed, wrapped and labelled");
        db.InternalServices.AddRange(support, setup, pallet);

        var entries = new List<UsageEntry>();
        void Use(InternalService service, string consumer, string company, decimal quantity, DateOnly date, string reference, string by) =>
            entries.Add(UsageEntry.Record(service, consumer, company, quantity, date, reference, null, by, $"demo-usage-{entries.Count + 1}",
                null, now));
        string[] centres = ["CC-5100", "CC-5200"];
        for (var (month, i) = (start, 0); month < thisMonth; month = month.Next, i++)
        {
            Use(support, "CC-5100", "ABC", 14m + 3 * i, month.First.AddDays(4), $"INC-{4100 + i * 10}", "S4100");
            Use(support, "CC-5100", "ABC", 6.5m, month.First.AddDays(17), $"INC-{4103 + i * 10}", "S4100");
            Use(support, "CC-5200", "ABC", 22m + 4 * i, month.First.AddDays(6), $"INC-{4105 + i * 10}", "S4100");
            Use(support, "CC-5200", "ABC", 9.25m, month.First.AddDays(20), $"INC-{4107 + i * 10}", "S4100");
            Use(setup, centres[i % 2], "ABC", 2m, month.First.AddDays(9), $"PRJ-ONBOARD-{i + 1}", "S4100");
            Use(support, "CC-2000", "XYZ", 4m, month.First.AddDays(12), $"INC-{4109 + i * 10}", "S4100");
            Use(pallet, "CC-1200", "ABC", 310m + 25 * i, month.First.AddDays(14), $"DSP-{month.Month:D2}", "S1100");
        }

        Use(support, "CC-5100", "ABC", 3m, today, "INC-4200", "S4100");
        Use(pallet, "CC-1200", "ABC", 42m, today, "DSP-RUN", "S1100");
        db.UsageEntries.AddRange(entries);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// XYZ's DSL internet and audio conferencing and the group's home insurance, with three employees
    /// subscribed since about six weeks ago (the billing worker charges the latest pay date when it starts).
    /// </summary>
    private static async Task SeedSubscriptionsAsync(StoreDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now.AddDays(-45);
        ServicePlan Plan(string id, string name, string sku, string provider, PlanPeriod period, decimal price, decimal cost,
            int minimumTerm, int notice, bool pause, bool immediate) =>
            ServicePlan.Create(id, new ServicePlanTerms(name, sku, provider, period, price, cost, minimumTerm, notice,
                AfterProbationOnly: true, [], null, null, pause, immediate, Active: true), Usd, "seed", since.AddDays(-30));
        var dsl = Plan("DSL-100", "DSL internet 100 Mbit/s", "DSL-M", "XYZ", PlanPeriod.Monthly, 39.90m, 16.00m, 3, 30, pause: false, immediate: false);
        var audio = Plan("AUD-TEAM", "Audio conferencing for one", "AUD-P", "XYZ", PlanPeriod.PayPeriod, 9.90m, 3.50m, 0, 14, pause: true, immediate: true);
        var insurance = Plan("HOME-INS", "Home contents insurance", "INS-HOME", "JKL", PlanPeriod.Monthly, 24.00m, 15.00m, 12, 30, pause: false, immediate: true);
        db.ServicePlans.AddRange(dsl, audio, insurance);
        db.Subscriptions.AddRange(
            Subscription.Enrol(dsl, "E1002", "ABC", 27.93m, "demo-subscription-1", since),
            Subscription.Enrol(audio, "E2001", "XYZ", 8.42m, "demo-subscription-2", since),
            Subscription.Enrol(insurance, "F9001", "ABC", 16.80m, "demo-subscription-3", since));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The policy of docs/pricing.md's worked cases: three tiers, category rules, a 1 500 allowance, two limits.</summary>
    private const string GroupPolicyDocument = """
        {
          "tiers": [
            { "id": "gold", "percent": "30", "minGrade": 7, "minTenureMonths": 60 },
            { "id": "silver", "percent": "20", "minGrade": 4 },
            { "id": "standard", "percent": "15" }
          ],
          "probationDays": 90,
          "categoryRules": [
            { "category": "electronics", "maxPercent": "10" },
            { "category": "gift-cards", "exclude": true },
            { "category": "apparel", "percent": "35" }
          ],
          "minMarginPercent": "5",
          "annualAllowance": "1500.00",
          "quantityLimits": [
            { "sku": "LAP-13", "maxUnits": 1, "windowDays": 365 },
            { "sku": "HDP-01", "maxUnits": 3, "windowDays": 30 }
          ],
          "promotionStacking": "best",
          "rounding": "halfUp"
        }
        """;

    private sealed record DemoProduct(string Sku, string Name, string Category, decimal List, decimal Cost, int Stock,
        string Description = "", bool EmployeeDiscount = true);

    private static readonly DemoProduct[] Products =
    [
        new("LAP-13", "13-inch laptop", "electronics", 1299.00m, 950.00m, 40, "Light 13-inch laptop, 16 GB, 512 GB SSD"),
        new("LAP-15", "15-inch laptop", "electronics", 1599.00m, 1180.00m, 25, "15-inch laptop, 32 GB, 1 TB SSD"),
        new("HDP-01", "Headphones", "electronics", 199.99m, 120.00m, 120, "Over-ear noise-cancelling headphones"),
        new("EBD-02", "Wireless earbuds", "electronics", 129.00m, 71.50m, 150),
        new("MON-27", "27-inch monitor", "electronics", 349.00m, 241.00m, 60),
        new("KBD-01", "Mechanical keyboard", "electronics", 89.90m, 41.20m, 200),
        new("PHN-01", "Smartphone", "electronics", 799.00m, 560.00m, 50),
        new("TAB-10", "10-inch tablet", "electronics", 449.00m, 318.00m, 45),
        new("TSH-01", "Logo T-shirt", "apparel", 24.99m, 6.40m, 500, "Organic cotton T-shirt with the group logo"),
        new("JKT-02", "Rain jacket", "apparel", 149.50m, 61.00m, 150),
        new("HOD-01", "Logo hoodie", "apparel", 59.00m, 19.80m, 300),
        new("CAP-01", "Baseball cap", "apparel", 19.00m, 4.75m, 400),
        new("SCK-03", "Socks, 3 pairs", "apparel", 14.50m, 3.90m, 600),
        new("SHO-42", "Running shoes", "apparel", 119.00m, 52.00m, 120),
        new("GFT-50", "Gift card 50", "gift-cards", 50.00m, 50.00m, 1000, "Store gift card worth 50 USD"),
        new("GFT-100", "Gift card 100", "gift-cards", 100.00m, 100.00m, 1000),
        new("COF-1K", "Coffee beans 1 kg", "grocery", 18.75m, 11.20m, 300, "Single-origin arabica, whole beans"),
        new("TEA-50", "Green tea, 50 bags", "grocery", 7.50m, 3.10m, 400),
        new("CHO-01", "Dark chocolate box", "grocery", 12.90m, 6.70m, 250),
        new("OIL-05", "Olive oil 0.5 l", "grocery", 11.40m, 6.95m, 200),
        new("HNY-01", "Honey jar", "grocery", 9.80m, 5.10m, 180),
        new("DSL-12", "DSL internet, 12 months", "services", 480.00m, 190.00m, 10000, "Home DSL internet subscription"),
        new("AUD-12", "Audio conferencing, 12 months", "services", 240.00m, 85.00m, 10000, "Audio conferencing plan for one user"),
        new("CLD-1T", "Cloud storage 1 TB, 12 months", "services", 99.00m, 31.00m, 10000),
        new("MOB-12", "Mobile plan, 12 months", "services", 360.00m, 170.00m, 10000),
        new("DSL-M", "DSL internet, monthly", "services", 39.90m, 16.00m, 0, "Home DSL internet, billed by the month"),
        new("AUD-P", "Audio conferencing, per pay period", "services", 9.90m, 3.50m, 0, "Audio conferencing for one user, billed each pay period"),
        new("INS-HOME", "Home contents insurance, monthly", "services", 24.00m, 15.00m, 0, "Home contents cover from the group's insurer"),
        new("SUP-PR", "Premium device support, 12 months", "services", 149.00m, 40.00m, 10000),
        new("CLR-99", "Clearance lamp", "home", 9.99m, 12.00m, 30, "Desk lamp sold below cost to clear stock"),
        new("MUG-01", "Mug", "home", 12.00m, 3.10m, 400, "Ceramic mug", EmployeeDiscount: false),
        new("BLK-01", "Fleece blanket", "home", 39.00m, 14.20m, 150),
        new("LMP-02", "Floor lamp", "home", 89.00m, 44.00m, 70),
        new("PAN-28", "Frying pan 28 cm", "home", 49.00m, 21.00m, 90),
        new("KNF-05", "Kitchen knife set", "home", 129.00m, 55.00m, 60),
        new("VAC-01", "Cordless vacuum", "home", 299.00m, 188.00m, 35),
        new("STK-01", "Sticker pack", "office", 2.50m, 0.30m, 2000),
        new("NTB-A5", "A5 notebook", "office", 8.90m, 2.40m, 800),
        new("PEN-10", "Gel pens, 10 pack", "office", 6.50m, 1.90m, 900),
        new("BAG-01", "Laptop backpack", "office", 79.00m, 31.50m, 140),
        new("CHR-01", "Ergonomic office chair", "office", 399.00m, 215.00m, 30),
        new("DSK-01", "Standing desk", "office", 549.00m, 330.00m, 20),
        new("LMP-01", "LED desk lamp", "office", 45.00m, 18.30m, 160),
    ];
}
