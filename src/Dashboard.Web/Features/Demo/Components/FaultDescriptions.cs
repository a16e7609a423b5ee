using System.Globalization;

namespace Dashboard.Web.Features.Demo.Components;

/// <summary>Human words for demo faults and a sensible magnitude for each, as <see cref="FaultKind"/> defines it.</summary>
public static class FaultDescriptions
{
    public static string Name(FaultKind kind) => kind switch
    {
        FaultKind.ErrorSpike => "Error spike",
        FaultKind.LatencyRegression => "Latency regression",
        FaultKind.AvailabilityDip => "Availability dip",
        FaultKind.RevenueDrop => "Revenue drop",
        _ => kind.ToString(),
    };

    public static string MagnitudeLabel(FaultKind kind) => kind switch
    {
        FaultKind.ErrorSpike => "Extra errors (percentage points)",
        FaultKind.LatencyRegression => "Slowdown (× latency)",
        FaultKind.AvailabilityDip => "Lost probes (percentage points)",
        FaultKind.RevenueDrop => "Revenue drop (%)",
        _ => "Magnitude",
    };

    /// <summary>Large enough to fail the canary-phase criteria, so that a demo shows a FAIL.</summary>
    public static double DefaultMagnitude(FaultKind kind) => kind switch
    {
        FaultKind.ErrorSpike => 2,
        FaultKind.LatencyRegression => 3,
        FaultKind.AvailabilityDip => 1,
        FaultKind.RevenueDrop => 10,
        _ => 1,
    };

    /// <summary>The default magnitude as the panel's field shows it.</summary>
    public static string DefaultMagnitudeText(FaultKind kind) => DefaultMagnitude(kind).ToString(CultureInfo.InvariantCulture);

    /// <summary>The magnitudes the server takes (<see cref="DemoFaultService.MagnitudeBounds"/>), for the field's helper text.</summary>
    public static string MagnitudeRange(FaultKind kind)
    {
        var (above, atMost) = DemoFaultService.MagnitudeBounds(kind);
        return string.Create(CultureInfo.InvariantCulture, $"Greater than {above}, at most {atMost}.");
    }

    public static string Describe(FaultKind kind, double magnitude) => kind switch
    {
        FaultKind.ErrorSpike => string.Create(CultureInfo.InvariantCulture, $"Error spike +{magnitude:0.##} pp"),
        FaultKind.LatencyRegression => string.Create(CultureInfo.InvariantCulture, $"Latency ×{magnitude:0.##}"),
        FaultKind.AvailabilityDip => string.Create(CultureInfo.InvariantCulture, $"Availability −{magnitude:0.##} pp"),
        FaultKind.RevenueDrop => string.Create(CultureInfo.InvariantCulture, $"Revenue −{magnitude:0.##} %"),
        _ => kind.ToString(),
    };
}
