using Dashboard.Web.Features.Demo;

namespace Dashboard.Integration.Tests.Demo;

public sealed class DemoFaultEffectsTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Combine_NoFaults_LeavesTheCanaryHealthy()
    {
        var effects = DemoFaultEffects.Combine([]);

        Assert.Equal(Dashboard.Core.Demo.CanaryFaultEffects.None, effects);
    }

    [Fact]
    public void Combine_SeveralFaults_AddPointsMultiplyFactorsAndCompoundDrops()
    {
        var effects = DemoFaultEffects.Combine(
        [
            Fault(FaultKind.ErrorSpike, 2), Fault(FaultKind.ErrorSpike, 3),
            Fault(FaultKind.LatencyRegression, 2), Fault(FaultKind.LatencyRegression, 1.5),
            Fault(FaultKind.AvailabilityDip, 1),
            Fault(FaultKind.RevenueDrop, 10), Fault(FaultKind.RevenueDrop, 10),
        ]);

        Assert.Equal(5, effects.ErrorRateIncreasePoints, precision: 9);
        Assert.Equal(3, effects.LatencyFactor, precision: 9);
        Assert.Equal(1, effects.AvailabilityDropPoints, precision: 9);
        Assert.Equal(19, effects.RevenueDropPct, precision: 9);
    }

    [Fact]
    public void Combine_SpikesBeyondAHundredPoints_AreCappedAtAHundred()
    {
        var effects = DemoFaultEffects.Combine([Fault(FaultKind.ErrorSpike, 80), Fault(FaultKind.ErrorSpike, 80)]);

        Assert.Equal(100, effects.ErrorRateIncreasePoints);
    }

    private static DemoFault Fault(FaultKind kind, double magnitude) => new(Guid.NewGuid(), kind, magnitude, Now, Now.AddMinutes(5));
}
