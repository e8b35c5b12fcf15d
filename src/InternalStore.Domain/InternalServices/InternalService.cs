using InternalStore.Domain.Common;

namespace InternalStore.Domain.InternalServices;

/// <summary>What a service is called and how it is counted; the supplier may change these, never its centre.</summary>
public sealed record InternalServiceTerms(string Name, string Unit, string? Description, bool Active);

/// <summary>
/// A service one cost centre supplies to others (IT's support hour, Packing's pallet), with a rate card:
/// effective-dated unit rates, each for every consumer or for one consuming cost centre. Rates are kept
/// forever (history); a newer rate from a later day supersedes, it never rewrites one.
/// </summary>
public sealed class InternalService
{
    public const int MaxIdLength = 40;
    private readonly List<ServiceRate> _rates = [];

    private InternalService()
    {
        Id = Name = Unit = SupplierCostCenter = Company = Currency = CreatedBy = string.Empty;
    }

    public static InternalService Create(string id, InternalServiceTerms terms, string supplierCostCenter, string company,
        string currency, decimal firstRate, DateOnly from, string by, DateTimeOffset now)
    {
        var service = new InternalService
        {
            Id = id,
            SupplierCostCenter = supplierCostCenter,
            Company = company,
            Currency = currency,
            CreatedBy = by,
            CreatedAt = now,
        };
        service.Apply(terms);
        service._rates.Add(new ServiceRate(firstRate, from, null, by, now));
        return service;
    }

    public string Id { get; private set; }
    public string Name { get; private set; }
    public string Unit { get; private set; }
    public string? Description { get; private set; }
    public bool Active { get; private set; }
    public string SupplierCostCenter { get; private set; }
    public string Company { get; private set; }
    public string Currency { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public long Version { get; private set; }
    public IReadOnlyList<ServiceRate> Rates => _rates;

    public InternalServiceTerms Terms => new(Name, Unit, Description, Active);

    public void Update(InternalServiceTerms terms)
    {
        Apply(terms);
        Version++;
    }

    /// <summary>
    /// Adds a rate from a day, for every consumer or for one. The same rate again is a replay (false);
    /// another rate for the same day and consumer is refused: a rate card is history, not a draft.
    /// </summary>
    public bool AddRate(decimal unitRate, DateOnly from, string? consumer, string by, DateTimeOffset now)
    {
        if (_rates.FirstOrDefault(r => r.From == from && r.Consumer == consumer) is { } same)
        {
            if (same.UnitRate == unitRate)
                return false;
            throw new ConflictException("rate-exists",
                $"{Id} already has a rate of {same.UnitRate} from {from:yyyy-MM-dd}{(consumer is null ? "" : " for " + consumer)}; add a rate from a later day.");
        }

        _rates.Add(new ServiceRate(unitRate, from, consumer, by, now));
        Version++;
        return true;
    }

    /// <summary>The rate in force for a consumer on a day: its own rate if it has one by then, else the general one.</summary>
    public ServiceRate? RateFor(string consumer, DateOnly day) =>
        Latest(_rates.Where(r => r.Consumer == consumer && r.From <= day)) ?? Latest(_rates.Where(r => r.Consumer is null && r.From <= day));

    /// <summary>The rate for a consumer on a day, or 409 <c>no-rate</c>.</summary>
    public ServiceRate RequireRateFor(string consumer, DateOnly day) =>
        RateFor(consumer, day) ?? throw new ConflictException("no-rate",
            $"{Id} has no rate in force on {day:yyyy-MM-dd}; its first rate starts {_rates.Min(r => r.From):yyyy-MM-dd}.");

    private static ServiceRate? Latest(IEnumerable<ServiceRate> rates) => rates.MaxBy(r => (r.From, r.SetAt));

    private void Apply(InternalServiceTerms terms)
    {
        Name = terms.Name;
        Unit = terms.Unit;
        Description = terms.Description;
        Active = terms.Active;
    }
}

/// <summary>A unit rate from a day on, for every consumer (<see cref="Consumer"/> null) or for one cost centre.</summary>
public sealed class ServiceRate
{
    private ServiceRate()
    {
        SetBy = string.Empty;
    }

    internal ServiceRate(decimal unitRate, DateOnly from, string? consumer, string setBy, DateTimeOffset setAt)
    {
        UnitRate = unitRate;
        From = from;
        Consumer = consumer;
        SetBy = setBy;
        SetAt = setAt;
    }

    public long Id { get; private set; }
    public decimal UnitRate { get; private set; }
    public DateOnly From { get; private set; }
    public string? Consumer { get; private set; }
    public string SetBy { get; private set; }
    public DateTimeOffset SetAt { get; private set; }
}
