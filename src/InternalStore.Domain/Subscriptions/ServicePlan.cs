using InternalStore.Domain.Common;
using InternalStore.Domain.People;

namespace InternalStore.Domain.Subscriptions;

/// <summary>The editable terms of a plan.</summary>
/// <param name="PricePerPeriod">What an external customer pays per period: the list price the employee's discount starts from.</param>
/// <param name="CostPerPeriod">What a period costs the provider: the floor no discount goes below.</param>
/// <param name="MinimumTermPeriods">Periods a subscriber pays at least (0: none).</param>
/// <param name="NoticeDays">Days a price change waits before it reaches existing subscribers.</param>
/// <param name="Companies">Whose employees may enrol; empty: every company of the group.</param>
public sealed record ServicePlanTerms(
    string Name,
    string Sku,
    string Provider,
    PlanPeriod Period,
    decimal PricePerPeriod,
    decimal CostPerPeriod,
    int MinimumTermPeriods,
    int NoticeDays,
    bool AfterProbationOnly,
    IReadOnlyList<string> Companies,
    DateOnly? EnrolmentOpens,
    DateOnly? EnrolmentCloses,
    bool AllowsPause,
    bool AllowsImmediateCancel,
    bool Active);

/// <summary>
/// A service sold by the period (DSL, audio conferencing, insurance) on a product whose supply kind is
/// service. Its price per period has a history: a change reaches a subscriber who enrolled before it
/// only from the first period that starts after the notice period, never backwards.
/// </summary>
public sealed class ServicePlan
{
    public const int MaxIdLength = 40;
    public const int MaxNameLength = 200;
    public const int MaxNoticeDays = 366;
    public const int MaxMinimumTerm = 60;

    private readonly List<ServicePlanPrice> _prices = [];
    private string _companies = string.Empty;

    private ServicePlan()
    {
        Id = Name = Sku = Provider = Currency = string.Empty;
    }

    public string Id { get; private set; }
    public string Name { get; private set; }
    public string Sku { get; private set; }

    /// <summary>The company that provides the service (is owed what subscribers pay).</summary>
    public string Provider { get; private set; }

    public PlanPeriod Period { get; private set; }
    public decimal PricePerPeriod { get; private set; }
    public decimal CostPerPeriod { get; private set; }
    public string Currency { get; private set; }
    public int MinimumTermPeriods { get; private set; }
    public int NoticeDays { get; private set; }
    public bool AfterProbationOnly { get; private set; }

    public IReadOnlyList<string> Companies =>
        _companies.Length == 0 ? [] : _companies.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public DateOnly? EnrolmentOpens { get; private set; }
    public DateOnly? EnrolmentCloses { get; private set; }
    public bool AllowsPause { get; private set; }
    public bool AllowsImmediateCancel { get; private set; }
    public bool Active { get; private set; }
    public string UpdatedBy { get; private set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public long Version { get; private set; }
    public IReadOnlyList<ServicePlanPrice> Prices => _prices;

    public ServicePlanTerms Terms => new(Name, Sku, Provider, Period, PricePerPeriod, CostPerPeriod, MinimumTermPeriods,
        NoticeDays, AfterProbationOnly, Companies, EnrolmentOpens, EnrolmentCloses, AllowsPause, AllowsImmediateCancel, Active);

    public static ServicePlan Create(string id, ServicePlanTerms terms, string currency, string by, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > MaxIdLength)
            throw new ArgumentException("A plan id is 1 to 40 characters.", nameof(id));
        var plan = new ServicePlan { Id = id, Currency = currency, CreatedAt = now };
        plan.Apply(terms, by, now);
        return plan;
    }

    /// <summary>Whether <paramref name="terms"/> would change nothing (a create sent again replays).</summary>
    public bool Has(ServicePlanTerms terms) => Terms with { Companies = [] } == terms with { Companies = [] }
                                               && Companies.SequenceEqual(Normalised(terms.Companies));

    public void Update(ServicePlanTerms terms, string by, DateTimeOffset now)
    {
        if (terms.Sku != Sku)
            throw new ConflictException("invalid-state", $"Plan {Id} sells {Sku}; its product cannot change (make a new plan).");
        if (terms.Period != Period)
            throw new ConflictException("invalid-state", $"Plan {Id} charges {Period.WireName()}; its period cannot change (make a new plan).");
        Apply(terms, by, now);
    }

    private void Apply(ServicePlanTerms terms, string by, DateTimeOffset now)
    {
        if (terms.PricePerPeriod < 0 || terms.CostPerPeriod < 0)
            throw new ArgumentOutOfRangeException(nameof(terms), "Prices cannot be negative.");
        var priceChanged = _prices.Count == 0 || terms.PricePerPeriod != PricePerPeriod || terms.CostPerPeriod != CostPerPeriod;
        Name = terms.Name;
        Sku = terms.Sku;
        Provider = terms.Provider;
        Period = terms.Period;
        PricePerPeriod = terms.PricePerPeriod;
        CostPerPeriod = terms.CostPerPeriod;
        MinimumTermPeriods = terms.MinimumTermPeriods;
        NoticeDays = terms.NoticeDays;
        AfterProbationOnly = terms.AfterProbationOnly;
        _companies = string.Join(',', Normalised(terms.Companies));
        EnrolmentOpens = terms.EnrolmentOpens;
        EnrolmentCloses = terms.EnrolmentCloses;
        AllowsPause = terms.AllowsPause;
        AllowsImmediateCancel = terms.AllowsImmediateCancel;
        Active = terms.Active;
        UpdatedBy = by;
        UpdatedAt = now;
        Version++;
        if (priceChanged)
            _prices.Add(new ServicePlanPrice(Id, terms.PricePerPeriod, terms.CostPerPeriod, DateOnly.FromDateTime(now.UtcDateTime), now, by));
    }

    private static IEnumerable<string> Normalised(IEnumerable<string> companies) =>
        companies.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    /// <summary>
    /// The price that charges a subscriber who enrolled at <paramref name="enrolledAt"/> for a period: the
    /// latest change they enrolled under, or one whose notice ended before the period starts.
    /// </summary>
    public ServicePlanPrice PriceFor(DateTimeOffset enrolledAt, BillingPeriod period) =>
        _prices.Where(p => p.ChangedAt <= enrolledAt || p.ChangedOn.AddDays(NoticeDays) < period.Start)
            .OrderBy(p => p.ChangedAt).LastOrDefault()
        ?? _prices.OrderBy(p => p.ChangedAt).First();

    /// <summary>The first period start from which a change made on <paramref name="changedOn"/> reaches existing subscribers.</summary>
    public DateOnly ReachesSubscribersFrom(DateOnly changedOn, Settlement.PayrollCalendar calendar) =>
        calendar.Containing(changedOn.AddDays(NoticeDays), Period).Next;

    /// <summary>Refuses an enrolment the plan's terms do not allow (409 <c>not-eligible</c>, <c>enrolment-closed</c>).</summary>
    public void EnsureOpenTo(Employee employee, int probationDays, DateOnly today)
    {
        if (!Active)
            throw new ConflictException("invalid-state", $"Plan {Id} is no longer offered.");
        if (employee.Status != EmploymentStatus.Active || employee.TerminationDate is { } left && left <= today)
            throw new ConflictException("not-eligible", "Service plans are for active employees: your employment has ended.");
        if (Companies.Count > 0 && !Companies.Contains(employee.CompanyCode))
            throw new ConflictException("not-eligible",
                $"{Name} is offered to employees of {string.Join(", ", Companies)}; you work for {employee.CompanyCode}.");
        if (AfterProbationOnly && employee.HireDate.AddDays(probationDays) > today)
            throw new ConflictException("not-eligible",
                $"{Name} is offered once probation ends: you may enrol from {employee.HireDate.AddDays(probationDays):yyyy-MM-dd}.");
        if (EnrolmentOpens is { } opens && today < opens)
            throw new ConflictException("enrolment-closed", $"Enrolment in {Name} opens on {opens:yyyy-MM-dd}.");
        if (EnrolmentCloses is { } closes && today > closes)
            throw new ConflictException("enrolment-closed", $"Enrolment in {Name} closed on {closes:yyyy-MM-dd}.");
    }
}

/// <summary>One price of a plan, from the moment it was set.</summary>
public sealed class ServicePlanPrice
{
    private ServicePlanPrice()
    {
        PlanId = ChangedBy = string.Empty;
    }

    internal ServicePlanPrice(string planId, decimal pricePerPeriod, decimal costPerPeriod, DateOnly changedOn,
        DateTimeOffset changedAt, string changedBy)
    {
        PlanId = planId;
        PricePerPeriod = pricePerPeriod;
        CostPerPeriod = costPerPeriod;
        ChangedOn = changedOn;
        ChangedAt = changedAt;
        ChangedBy = changedBy;
    }

    public long Id { get; private set; }
    public string PlanId { get; private set; }
    public decimal PricePerPeriod { get; private set; }
    public decimal CostPerPeriod { get; private set; }
    public DateOnly ChangedOn { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }
    public string ChangedBy { get; private set; }
}
