using System.Security.Claims;
using InternalStore.Application.Common;

namespace InternalStore.Api.Auth;

public static class CallerFactory
{
    /// <summary>The caller as the authenticated principal describes them; only claims from the token count.</summary>
    public static Caller ToCaller(this ClaimsPrincipal user)
    {
        var subject = user.FindFirstValue("sub")
            ?? throw new InvalidOperationException("An authenticated caller always has a subject.");
        var roles = user.FindAll("role").Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new Caller(subject, roles,
            user.FindFirstValue("company"),
            user.FindFirstValue("cost_center"),
            user.FindFirstValue("affiliate"));
    }
}
