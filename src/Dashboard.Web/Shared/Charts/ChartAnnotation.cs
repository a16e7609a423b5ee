namespace Dashboard.Web.Shared.Charts;

/// <summary>
/// A marker on a chart's time axis, read from what the app persisted: <see cref="Label"/> is the short flag
/// ("10 %", "hold"), <see cref="Detail"/> the full sentence shown on hover ("traffic 1 → 10 % by alice: looks good").
/// </summary>
public sealed record ChartAnnotation(DateTimeOffset At, ChartAnnotationKind Kind, string Label, string Detail);
