using Dashboard.Core.Demo;

namespace Dashboard.Web.Features.Demo;

/// <summary>Turns the active faults into their combined effect on the canary's metrics.</summary>
public static class DemoFaultEffects
{
    /// <summary>
    /// Error spikes and availability dips add up; latency factors multiply; revenue drops compound
    /// (two 10 % drops leave 81 %). The result is bounded to what a percentage can mean.
    /// </summary>
    public static CanaryFaultEffects Combine(IEnumerable<DemoFault> faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        double errorPoints = 0, latencyFactor = 1, availabilityPoints = 0, revenueKept = 1;
        foreach (var fault in faults)
        {
            switch (fault.Kind)
            {
                case FaultKind.ErrorSpike: errorPoints += fault.Magnitude; break;
                case FaultKind.LatencyRegression: latencyFactor *= fault.Magnitude; break;
                case FaultKind.AvailabilityDip: availabilityPoints += fault.Magnitude; break;
                case FaultKind.RevenueDrop: revenueKept *= 1 - Math.Clamp(fault.Magnitude / 100, 0, 1); break;
                default: throw new ArgumentOutOfRangeException(nameof(faults), fault.Kind, "Unknown fault kind.");
            }
        }

        return new CanaryFaultEffects(
            Math.Min(errorPoints, 100),
            latencyFactor,
            Math.Min(availabilityPoints, 100),
            100 * (1 - revenueKept));
    }
}
