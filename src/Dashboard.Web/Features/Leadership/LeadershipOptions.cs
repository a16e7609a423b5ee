namespace Dashboard.Web.Features.Leadership;

/// <summary>
/// How the automation lease is taken and watched on PostgreSQL (section <c>Leadership</c>; docs/high-availability.md,
/// "Lease"). With the defaults a survivor acts about 1 s after the holder's process dies, and a holder cut off from
/// PostgreSQL stops acting within 2 × <see cref="KeepaliveCadence"/> (4 s), inside one guardrail poll (5 s).
/// </summary>
public sealed class LeadershipOptions
{
    public const string Section = "Leadership";

    /// <summary>How often an instance that does not hold the lease tries to take it.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// While held: how often the holder checks that PostgreSQL still names it as the holder, and how long that check may
    /// take. A check that fails or takes longer ends the hold. It is also the lock connection's keepalive.
    /// </summary>
    public TimeSpan KeepaliveCadence { get; set; } = TimeSpan.FromSeconds(2);
}
