namespace InternalStore.Application.Authority;

/// <summary>A claim names no part of the organisation the caller may act for (HTTP 403 <c>unknown-organisation</c>).</summary>
public sealed class UnknownOrganisationException(string claim, string message) : Exception(message)
{
    /// <summary>The token claim at fault: <c>company</c>, <c>cost_center</c> or <c>affiliate</c>.</summary>
    public string Claim { get; } = claim;
}
