namespace Dashboard.Web.Features.TrafficDrift;

/// <summary>How a drift episode ended; written by name in <see cref="DriftAuditKinds.Ended"/>.</summary>
public enum DriftEnd
{
    /// <summary>A person reconciled: the recorded weight was re-applied (<c>traffic.reconciled</c> since the drift began).</summary>
    Reconciled,

    /// <summary>The router runs the recorded weight again without a reconcile (changed back by hand, or the weight was moved to it).</summary>
    BackInStep,

    /// <summary>Another rollout became the one of record, or none is: this rollout's weight is no longer compared.</summary>
    NoLongerOfRecord,
}
