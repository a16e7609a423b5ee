namespace Dashboard.Core.Routing;

/// <summary>
/// Something that splits live traffic between the baseline and the canary: HAProxy through its
/// runtime API, or the demo's built-in split. Callers record a traffic change as applied only when
/// the weights returned by <see cref="ApplyAsync"/> match the request
/// (<see cref="TrafficWeights.IsExactly"/>); the router never decides that for them.
/// </summary>
public interface ITrafficRouter
{
    /// <summary>A short name for logs, the audit log and the UI, e.g. "HAProxy analyzer (baseline/canary)".</summary>
    string Name { get; }

    /// <summary>Reads the split the router actually uses now; throws <see cref="TrafficRouterException"/>.</summary>
    Task<TrafficWeights> ReadAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets the canary's share to <paramref name="canaryPercent"/> (0..100, otherwise
    /// <see cref="ArgumentOutOfRangeException"/> before anything is sent) and returns the split read
    /// back from the router afterwards, which may differ from the request. Throws
    /// <see cref="TrafficRouterException"/> with the router's own message when it refuses or cannot be reached.
    /// </summary>
    Task<TrafficWeights> ApplyAsync(int canaryPercent, CancellationToken cancellationToken = default);
}
