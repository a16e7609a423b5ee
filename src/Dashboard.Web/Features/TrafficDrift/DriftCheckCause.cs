namespace Dashboard.Web.Features.TrafficDrift;

/// <summary>Why the <see cref="TrafficDriftWatcher"/> checks now.</summary>
public enum DriftCheckCause
{
    /// <summary>The app started: checks, retrying while the router or the state store cannot be read yet.</summary>
    StartUp,

    /// <summary><c>Routing:DriftCheckInterval</c> passed without a rollout change.</summary>
    Interval,

    /// <summary>A rollout changed, and the changes went quiet.</summary>
    RolloutChanged,
}
