using System.Reflection;
using InternalStore.Domain.Common;

namespace InternalStore.Core.Tests;

/// <summary>Every enum of the domain reads back from its wire name, and a number is never read as a value.</summary>
public sealed class WireNameTests
{
    private static readonly MethodInfo RoundTripMethod =
        typeof(WireNameTests).GetMethod(nameof(RoundTrip), BindingFlags.NonPublic | BindingFlags.Static)!;

    [Fact]
    public void Every_domain_enum_round_trips_through_its_wire_name()
    {
        var enums = typeof(DomainValidationException).Assembly.GetTypes().Where(t => t.IsEnum && t.IsPublic).ToList();
        Assert.True(enums.Count >= 8, "the domain's enums were found");
        foreach (var type in enums)
            RoundTripMethod.MakeGenericMethod(type).Invoke(null, null);
    }

    [Fact]
    public void Wire_names_are_camel_case()
    {
        Assert.Equal("awaitingPayment", Domain.Ordering.OrderStatus.AwaitingPayment.WireName());
        Assert.Equal("partiallyRefunded", Domain.Ordering.OrderStatus.PartiallyRefunded.WireName());
        Assert.Equal("card", Domain.Ordering.PaymentMethod.Card.WireName());
        Assert.True(WireNames.TryParseWire<Domain.Ordering.PaymentMethod>("PAYROLL", out var method));
        Assert.Equal(Domain.Ordering.PaymentMethod.Payroll, method);
    }

    private static void RoundTrip<T>() where T : struct, Enum
    {
        var names = Enum.GetValues<T>().Select(v => v.WireName()).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (var value in Enum.GetValues<T>())
        {
            Assert.True(WireNames.TryParseWire<T>(value.WireName(), out var back), $"{typeof(T).Name}.{value}");
            Assert.Equal(value, back);
        }

        Assert.False(WireNames.TryParseWire<T>("1", out _), $"{typeof(T).Name} read a number");
        Assert.False(WireNames.TryParseWire<T>("", out _));
        Assert.False(WireNames.TryParseWire<T>(null, out _));
    }
}
