namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// A traffic change is recorded as <see cref="Requested"/> before the router is called, and only
/// becomes <see cref="Applied"/> once the router has read the new weight back.
/// </summary>
public enum TrafficChangeStatus
{
    Requested,
    Applied,
    Failed,
}
