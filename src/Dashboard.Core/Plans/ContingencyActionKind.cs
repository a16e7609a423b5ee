namespace Dashboard.Core.Plans;

/// <summary>What a contingency rule does when its conditions hold.</summary>
public enum ContingencyActionKind
{
    /// <summary>Lower the canary weight to <see cref="ContingencyAction.TrafficPercent"/>.</summary>
    ReduceTraffic,

    /// <summary>Watch closely for <see cref="ContingencyAction.Duration"/> without changing traffic.</summary>
    MonitorClosely,

    /// <summary>Record the anomaly in the log only.</summary>
    Log,
}
