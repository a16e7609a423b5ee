namespace Dashboard.Web.Features.TrafficDrift;

/// <summary>The audit kinds of a drift episode (docs/traffic.md, "Drift on the record"): at most one of each per episode.</summary>
public static class DriftAuditKinds
{
    /// <summary>The router was first seen running another split than the rollout of record's weight.</summary>
    public const string Started = "traffic.driftStarted";

    /// <summary>The drift is over: reconciled, back in step by itself, or the rollout is no longer the one of record.</summary>
    public const string Ended = "traffic.driftEnded";
}
