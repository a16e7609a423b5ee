using Dashboard.Core.Guardrails;

namespace Dashboard.Core.Tests.Guardrails;

public sealed class GuardrailWindowTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(5);

    [Fact]
    public void For_EnoughCanaryTraffic_KeepsTheConfiguredWindow() =>
        Assert.Equal(Window, GuardrailWindow.For(Window, Max, 500, canaryRps: 200));

    [Fact]
    public void For_LowCanaryTraffic_GrowsToHoldTheMinimumRequests() =>
        Assert.Equal(TimeSpan.FromSeconds(125), GuardrailWindow.For(Window, Max, 500, canaryRps: 4));

    [Fact]
    public void For_TrickleOfTraffic_StopsAtTheLongestWindow() =>
        Assert.Equal(Max, GuardrailWindow.For(Window, Max, 500, canaryRps: 0.1));

    [Theory]
    [InlineData(null)]
    [InlineData(0.0)]
    public void For_UnknownRate_KeepsTheConfiguredWindow(double? rps) =>
        Assert.Equal(Window, GuardrailWindow.For(Window, Max, 500, rps));

    [Fact]
    public void For_PhaseRunYoungerThanTheWindow_NeverReachesBeforeItsStart() =>
        Assert.Equal(TimeSpan.FromSeconds(8), GuardrailWindow.For(Window, Max, 500, canaryRps: 4, phaseRunAge: TimeSpan.FromSeconds(7.2)));

    [Fact]
    public void For_PhaseRunJustBegun_AsksForTheShortestWindow() =>
        Assert.Equal(GuardrailWindow.Shortest, GuardrailWindow.For(Window, Max, 500, canaryRps: 200, phaseRunAge: TimeSpan.Zero));

    [Fact]
    public void For_PhaseRunOlderThanTheWindow_KeepsIt() =>
        Assert.Equal(Window, GuardrailWindow.For(Window, Max, 500, canaryRps: 200, phaseRunAge: TimeSpan.FromHours(1)));

    [Theory]
    [InlineData(200.0, 10, true)]
    [InlineData(4.0, 30, false)]
    [InlineData(null, 30, false)]
    public void HoldsEnough_ComparesTheWindowsCanaryRequestsWithTheMinimum(double? rps, int seconds, bool expected) =>
        Assert.Equal(expected, GuardrailWindow.HoldsEnough(500, rps, TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void HoldsEnough_NoMinimum_IsAlwaysEnough() =>
        Assert.True(GuardrailWindow.HoldsEnough(0, null, Window));
}
