namespace InternalStore.Pricing.Tests;

public sealed class CurrenciesTests
{
    [Theory]
    [InlineData("1039.200000", "USD", "1039.20")]
    [InlineData("13.125", "USD", "13.125")]
    [InlineData("12.5", "USD", "12.50")]
    [InlineData("5", "KWD", "5.000")]
    [InlineData("-7.1000", "EUR", "-7.10")]
    [InlineData("1200.00", "JPY", "1200")]
    [InlineData("0.0000", "USD", "0.00")]
    public void Readable_scale_trims_zeros_down_to_the_minor_unit_and_pads_up_to_it(string amount, string currency, string expected) =>
        Assert.Equal(expected, Currencies.ToReadableScale(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency)
            .ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Readable_scale_equals_dividing_by_one_with_28_zeros_for_random_amounts()
    {
        // The definition it replaced (a decimal division, slower): strip every trailing zero, then pad.
        static decimal ByDivision(decimal amount, int units)
        {
            var trimmed = amount / 1.0000000000000000000000000000m;
            return trimmed.Scale >= units ? trimmed : trimmed + new decimal(0, 0, 0, false, (byte)units);
        }

        var random = new Random(7);
        foreach (var currency in new[] { "USD", "JPY", "KWD" })
        {
            var units = Currencies.MinorUnits(currency);
            for (var i = 0; i < 20_000; i++)
            {
                var amount = new decimal(random.Next(), random.Next(4) == 0 ? random.Next() : 0, random.Next(8) == 0 ? random.Next() : 0,
                    random.Next(2) == 0, (byte)random.Next(0, 29));
                if (random.Next(3) == 0)
                    amount = decimal.Round(amount, random.Next(0, 6)) * 1.000m; // trailing zeros
                var actual = Currencies.ToReadableScale(amount, currency);
                var expected = ByDivision(amount, units);
                Assert.Equal(expected, actual);
                Assert.Equal(expected.Scale, actual.Scale);
            }
        }
    }

    [Theory]
    [InlineData("USD", "0.01", "12.34", 1234L)]
    [InlineData("USD", "0.01", "-12.345", -1235L)]
    [InlineData("USD", "0.01", "0.005", 1L)]
    [InlineData("JPY", "1", "1500", 1500L)]
    [InlineData("JPY", "1", "1500.5", 1501L)]
    [InlineData("KWD", "0.001", "1.2345", 1235L)]
    public void Minor_units_come_from_the_currency_table(string currency, string unit, string amount, long minorUnits)
    {
        Assert.Equal(decimal.Parse(unit, System.Globalization.CultureInfo.InvariantCulture), Currencies.MinorUnit(currency));
        Assert.Equal(minorUnits, Currencies.ToMinorUnits(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency));
    }
}
