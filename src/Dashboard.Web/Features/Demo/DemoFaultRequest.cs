namespace Dashboard.Web.Features.Demo;

/// <summary>
/// A request to inject a fault, as the REST API receives it (every member may be missing or wrong;
/// <see cref="DemoFaultService.InjectAsync"/> says what is).
/// </summary>
/// <param name="Kind"><c>errorSpike</c>, <c>latencyRegression</c>, <c>availabilityDip</c> or <c>revenueDrop</c>.</param>
/// <param name="Magnitude">Percentage points, a latency factor or a percent, depending on the kind.</param>
/// <param name="DurationSeconds">How long the fault lasts, at most 24 h.</param>
public sealed record DemoFaultRequest(string? Kind, double? Magnitude, double? DurationSeconds)
{
    public static DemoFaultRequest For(FaultKind kind, double magnitude, TimeSpan duration) =>
        new(DemoFaultService.WireName(kind), magnitude, duration.TotalSeconds);
}
