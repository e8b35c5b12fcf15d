using InternalStore.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.People;

/// <summary>
/// HR staff see the people of their own company and of the companies below it: the parent's HR
/// sees the whole group, a subsidiary's HR only its own.
/// </summary>
internal static class CompanyScope
{
    public static async Task<IReadOnlyList<string>> VisibleCompaniesAsync(this IStoreDb db, Caller caller,
        CancellationToken cancellationToken)
    {
        if (caller.Company is null)
            return [];

        var parents = await db.Companies.AsNoTracking()
            .Select(c => new { c.Code, c.ParentCode })
            .ToListAsync(cancellationToken);
        var visible = new List<string>();
        var frontier = new Queue<string>([caller.Company]);
        while (frontier.TryDequeue(out var code))
        {
            if (visible.Contains(code) || !parents.Exists(c => c.Code == code))
                continue;
            visible.Add(code);
            foreach (var child in parents.Where(c => c.ParentCode == code))
                frontier.Enqueue(child.Code);
        }

        return visible;
    }
}
