namespace Dashboard.Core.Rollouts;

/// <summary>Where a traffic change stands: asked for, confirmed by the router's read-back, or failed.</summary>
public enum TrafficChangeStatus
{
    Requested,
    Applied,
    Failed,
}
