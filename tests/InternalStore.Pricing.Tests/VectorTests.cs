

namespace InternalStore.Pricing.Tests;

/// <summary>Every worked case of pricing-vectors.json, as it is, each its own test.</summary>
public sealed class VectorTests
{
    private static readonly string FixturePath = Path.Combine(AppContext.BaseDirectory, "Fixtures", "pricing-vectors.json");

    public static TheoryData<string> CaseNames =>
        new(PricingCaseFile.Parse(File.ReadAllText(FixturePath)).Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Vector_case_prices_as_expected(string name)
    {
        var @case = PricingCaseFile.Parse(File.ReadAllText(FixturePath)).Single(c => c.Name == name);

        var actual = PricingCaseFile.ToExpectedShape(PricingEngine.Price(@case.Request));

        var differences = PricingCaseFile.Compare(@case.Expected, actual);
        Assert.True(differences.Count == 0,
            $"{name}:\n  {string.Join("\n  ", differences)}\nactual: {actual.ToJsonString()}");
    }

    [Fact]
    public void The_fixture_is_the_shared_design_copy()
    {
        var shared = FindSharedVectors();
        if (shared is null)
            return; // a checkout without ../shared/design: the fixture in the repo is the reference

        var sourceFixture = Path.Combine(RepositoryRoot(), "tests", "InternalStore.Pricing.Tests", "Fixtures", "pricing-vectors.json");
        Assert.True(File.ReadAllBytes(shared).AsSpan().SequenceEqual(File.ReadAllBytes(sourceFixture)),
            $"{sourceFixture} differs from {shared}: copy the shared file over and make the tests pass.");
    }

    [Fact]
    public void Every_case_carries_an_explanation_for_every_line()
    {
        foreach (var @case in PricingCaseFile.Parse(File.ReadAllText(FixturePath)))
        {
            var result = PricingEngine.Price(@case.Request);
            if (!result.IsSuccess)
                continue;
            for (var i = 0; i < result.Quote.Lines.Count; i++)
            {
                var steps = result.Quote.Explain(i);
                Assert.Equal(StepKind.ListPrice, steps[0].Kind);
                var priceSteps = steps.Where(s => s.Kind is not (StepKind.Allowance or StepKind.QuantityLimit or StepKind.Eligibility));
                // The last price step ends at the line's unit price: the explanation adds up.
                var last = priceSteps.Last();
                Assert.True(last.After == result.Quote.Lines[i].UnitPrice,
                    $"{@case.Name} line {i}: explanation ends at {last.After}, unit price is {result.Quote.Lines[i].UnitPrice}");
            }
        }
    }

    [Fact]
    public void Explanations_name_the_rules_that_applied()
    {
        var @case = PricingCaseFile.Parse(File.ReadAllText(FixturePath)).Single(c => c.Name == "employee-standard-tier-floor");
        var quote = PricingEngine.Price(@case.Request).Quote!;

        var coffee = quote.Explain(1);

        Assert.Contains(coffee, s => s.Kind == StepKind.Tier && s.RuleId == "standard");
        Assert.Contains(coffee, s => s.Kind == StepKind.Promotion && s.RuleId == "staff-coffee");
        Assert.Contains(coffee, s => s.Kind == StepKind.Floor && s.After == 11.76m);
        Assert.Contains(coffee, s => s.Kind == StepKind.Allowance);
    }

    private static string? FindSharedVectors()
    {
        var candidate = Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "design", "pricing-vectors.json"));
        return File.Exists(candidate) ? candidate : null;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "InternalStore.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("InternalStore.sln not found above the test binaries.");
    }

}
