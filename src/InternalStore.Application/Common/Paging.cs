using FluentValidation;

namespace InternalStore.Application.Common;

public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount)
{
    [System.Text.Json.Serialization.JsonPropertyName("page")]
    public int PageNumber { get; init; } = PageNumber;
}

public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static void PageRules<T>(this AbstractValidator<T> validator,
        System.Linq.Expressions.Expression<Func<T, int>> page,
        System.Linq.Expressions.Expression<Func<T, int>> pageSize)
    {
        validator.RuleFor(page).GreaterThanOrEqualTo(1).OverridePropertyName("page");
        validator.RuleFor(pageSize).InclusiveBetween(1, MaxPageSize).OverridePropertyName("pageSize");
    }
}
