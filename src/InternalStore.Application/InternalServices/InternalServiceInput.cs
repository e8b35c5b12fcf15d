using FluentValidation;
using InternalStore.Application.Common;
using InternalStore.Domain.InternalServices;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.InternalServices;

/// <summary>A service's terms as a request carries them.</summary>
public sealed record InternalServiceInput(string? Name, string? Unit, string? Description, bool? Active)
{
    public InternalServiceTerms ToTerms() => new(Name!.Trim(), Unit!.Trim(), string.IsNullOrWhiteSpace(Description) ? null : Description.Trim(),
        Active ?? true);
}

internal static class InternalServiceRules
{
    public const decimal MaxRate = 1_000_000m;

    public static void InputRules<T>(this AbstractValidator<T> validator, Func<T, InternalServiceInput?> input)
    {
        validator.RuleFor(x => input(x)).NotNull().WithMessage("Send the service: name, unit.").OverridePropertyName("body");
        validator.RuleFor(x => input(x)!.Name).NotEmpty().MaximumLength(100).When(x => input(x) is not null).OverridePropertyName("name");
        validator.RuleFor(x => input(x)!.Unit).NotEmpty().MaximumLength(40).WithMessage("unit says what is counted: hour, pallet, set-up.")
            .When(x => input(x) is not null).OverridePropertyName("unit");
        validator.RuleFor(x => input(x)!.Description).MaximumLength(1000).When(x => input(x) is not null).OverridePropertyName("description");
    }

    public static void RateRules<T>(this AbstractValidator<T> validator, Func<T, decimal?> rate, Func<T, DateOnly?> from)
    {
        validator.RuleFor(x => rate(x)).NotNull().WithMessage("unitRate is the price of one unit, e.g. 85.00.")
            .GreaterThan(0).LessThanOrEqualTo(MaxRate)
            .Must(r => r is null || decimal.Round(r.Value, 4) == r.Value).WithMessage("unitRate has at most 4 decimals.")
            .OverridePropertyName("unitRate");
        validator.RuleFor(x => from(x)).NotNull().WithMessage("from is the first day of the rate, YYYY-MM-DD.")
            .Must(d => d is null || d.Value.Year >= 2000).WithMessage("from is a day from 2000 on.")
            .OverridePropertyName("from");
    }

    /// <summary>A rate may not start inside a month the supplier's company has closed: closed months are history.</summary>
    public static async Task EnsureOpenAsync(this IStoreDb db, string company, DateOnly day, CancellationToken ct)
    {
        var month = AccountingMonth.Of(day).ToString();
        var period = await db.AccountingPeriods.AsNoTracking().FirstOrDefaultAsync(p => p.Company == company && p.Month == month, ct);
        period?.EnsureOpen();
    }
}
