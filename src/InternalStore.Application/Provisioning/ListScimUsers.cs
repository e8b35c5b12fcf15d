using System.Globalization;
using System.Text.Json.Nodes;
using FluentValidation;
using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Domain.People;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Provisioning;

/// <summary>
/// The provisioned people of the token's companies, by id, a page at a time (RFC 7644 §3.4.2.4:
/// <c>startIndex</c> from 1, <c>count</c> up to <see cref="MaxCount"/>), optionally filtered; how an
/// identity provider finds a person before creating them.
/// </summary>
public sealed record ListScimUsersQuery(Caller Caller, string BaseUrl, string? Filter, string? StartIndex, string? Count)
    : IQuery<JsonObject>, ICallerMessage
{
    public const int DefaultCount = 100;
    public const int MaxCount = 200;
}

public sealed class ListScimUsersValidator : AbstractValidator<ListScimUsersQuery>
{
    public ListScimUsersValidator()
    {
        RuleFor(x => x.StartIndex).Must(BeAnInteger).When(x => x.StartIndex is not null)
            .WithMessage("startIndex is a whole number, 1 for the first user.").OverridePropertyName("startIndex");
        RuleFor(x => x.Count).Must(BeAnInteger).When(x => x.Count is not null)
            .WithMessage($"count is a whole number, at most {ListScimUsersQuery.MaxCount}.").OverridePropertyName("count");
        RuleFor(x => x.Filter).MaximumLength(500).OverridePropertyName("filter");
    }

    internal static bool BeAnInteger(string? text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
}

public sealed class ListScimUsersHandler(IStoreDb db, OrganisationAuthority authority) : IQueryHandler<ListScimUsersQuery, JsonObject>
{
    public async ValueTask<JsonObject> Handle(ListScimUsersQuery query, CancellationToken cancellationToken)
    {
        var filter = ScimFilter.Parse(query.Filter);
        var companies = (await authority.ScopeOfAsync(query.Caller, cancellationToken)).Companies.ToList();
        // Out-of-range values are read as RFC 7644 says: a startIndex below 1 as 1, a negative count as 0.
        var startIndex = Math.Max(1, Parse(query.StartIndex) ?? 1);
        var count = Math.Clamp(Parse(query.Count) ?? ListScimUsersQuery.DefaultCount, 0, ListScimUsersQuery.MaxCount);

        var people = db.Employees.AsNoTracking().Where(e => e.UserName != null && companies.Contains(e.CompanyCode));
        people = filter?.Attribute switch
        {
            ScimFilterField.UserName => people.Where(e => e.NormalizedUserName == Employee.NormalizeUserName(filter.Value)),
            ScimFilterField.ExternalId => people.Where(e => e.ExternalId == filter.Value),
            ScimFilterField.Id => people.Where(e => e.Id == filter.Value),
            _ => people,
        };
        var total = await people.CountAsync(cancellationToken);
        var page = count == 0 ? [] : await people.OrderBy(e => e.Id).Skip(startIndex - 1).Take(count).ToListAsync(cancellationToken);

        var resources = new JsonArray();
        foreach (var employee in page)
            resources.Add(ScimUser.ToResource(employee, query.BaseUrl));
        return new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemas.ListResponse),
            ["totalResults"] = total,
            ["startIndex"] = startIndex,
            ["itemsPerPage"] = page.Count,
            ["Resources"] = resources,
        };
    }

    private static int? Parse(string? text) =>
        text is null ? null : int.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
}
