using System.Text.Json.Serialization;

namespace Dashboard.Web.Features.Demo;

/// <summary>The faults the demo simulator can inject into the canary cohort. JSON: camelCase text.</summary>
[JsonConverter(typeof(FaultKindJsonConverter))]
public enum FaultKind
{
    /// <summary>Adds <c>Magnitude</c> percentage points to the canary error rate.</summary>
    ErrorSpike,
    /// <summary>Multiplies canary latencies by <c>Magnitude</c> (e.g. 3 = three times slower).</summary>
    LatencyRegression,
    /// <summary>Removes <c>Magnitude</c> percentage points of canary probe successes.</summary>
    AvailabilityDip,
    /// <summary>Lowers canary revenue by <c>Magnitude</c> percent.</summary>
    RevenueDrop,
}
