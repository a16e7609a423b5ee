namespace Dashboard.Core.Plans;

/// <summary>
/// The response of a contingency rule. <see cref="TrafficPercent"/> is set only for
/// <see cref="ContingencyActionKind.ReduceTraffic"/>, <see cref="Duration"/> only for
/// <see cref="ContingencyActionKind.MonitorClosely"/>; the factories keep it that way.
/// </summary>
public sealed record ContingencyAction(ContingencyActionKind Kind, int? TrafficPercent = null, TimeSpan? Duration = null)
{
    public static ContingencyAction ReduceTrafficTo(int percent) => new(ContingencyActionKind.ReduceTraffic, TrafficPercent: percent);

    public static ContingencyAction MonitorClosely(TimeSpan duration) => new(ContingencyActionKind.MonitorClosely, Duration: duration);

    public static ContingencyAction Log { get; } = new(ContingencyActionKind.Log);
}
