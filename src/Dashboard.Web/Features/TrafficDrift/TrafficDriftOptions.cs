namespace Dashboard.Web.Features.TrafficDrift;

/// <summary>How often the router's split is compared with the recorded weight (<c>Routing:DriftCheckInterval</c>), and when a
/// saved traffic change that never settled is finished (<c>Routing:UnsettledChangeGrace</c>).</summary>
public sealed class TrafficDriftOptions
{
    public const string SectionName = "Routing";

    /// <summary>Time between periodic checks; a saved rollout change triggers one sooner.</summary>
    public TimeSpan DriftCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long after its request a traffic change still unsettled is taken for the change of an instance that died
    /// between saving it and the router, and finished by the automation lease holder. Longer than the router's slowest
    /// apply (a few commands of <c>Routing:Haproxy:Timeout</c> each), so a change still in flight is not handed over twice.</summary>
    public TimeSpan UnsettledChangeGrace { get; set; } = TimeSpan.FromSeconds(30);
}
