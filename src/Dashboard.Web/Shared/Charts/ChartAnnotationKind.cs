namespace Dashboard.Web.Shared.Charts;

/// <summary>What happened at an annotated moment; each kind has its own colour, dash and symbol.</summary>
public enum ChartAnnotationKind
{
    /// <summary>The canary weight was changed (applied by the router).</summary>
    TrafficChange,

    /// <summary>A rollout started its first phase or advanced to the next.</summary>
    PhaseChange,

    /// <summary>A phase was held.</summary>
    Hold,

    /// <summary>The candidate was rolled back or the rollout aborted.</summary>
    Rollback,

    /// <summary>An incident was opened.</summary>
    Incident,
}
