namespace Dashboard.Web.Features.TrafficDrift;

/// <summary>How often the router's split is compared with the recorded weight; key <c>Routing:DriftCheckInterval</c>.</summary>
public sealed class TrafficDriftOptions
{
    public const string SectionName = "Routing";

    /// <summary>Time between periodic checks; a saved rollout change triggers one sooner.</summary>
    public TimeSpan DriftCheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}
