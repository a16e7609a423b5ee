namespace Dashboard.Web.Features.RateLimits;

/// <summary>How often one client may call the sign-in, set-up and kiosk endpoints, and one caller the expensive reads (section <c>RateLimits</c>; docs/security.md).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Per client address on <c>/account/*</c>, <c>/setup</c>, <c>/kiosk/*</c> and <c>/k/*</c>: generous for an office behind one address, tight for a guesser.</summary>
    public RateLimitRule Address { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Per caller (person, API key or kiosk link; else address) on the audit-chain verify, the drift check and large snapshots, together.</summary>
    public RateLimitRule ExpensiveReads { get; set; } = new() { PermitLimit = 12, Window = TimeSpan.FromMinutes(1) };

    /// <summary>A metrics snapshot over a window longer than this counts as an expensive read.</summary>
    public TimeSpan LargeSnapshotWindow { get; set; } = TimeSpan.FromHours(6);
}
