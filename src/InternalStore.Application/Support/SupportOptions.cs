namespace InternalStore.Application.Support;

/// <summary>The <c>Support</c> configuration section.</summary>
public sealed class SupportOptions
{
    public const string Section = "Support";

    /// <summary>How often the worker closes cases solved for 7 days without a reply; 0 turns it off.</summary>
    public int CloseSweepMinutes { get; set; } = 60;
}
