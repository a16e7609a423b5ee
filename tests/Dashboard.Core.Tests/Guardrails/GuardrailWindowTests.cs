using Dashboard.Core.Guardrails;

namespace Dashboard.Core.Tests.Guardrails;

public sealed class GuardrailWindowTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(5);
    private static readonly DateTimeOffset T0 = GuardrailPolls.T0;

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
    public void For_JudgedDataYoungerThanTheWindow_RoundsDownSoItNeverReachesBeforeTheStart() =>
        Assert.Equal(TimeSpan.FromSeconds(7), GuardrailWindow.For(Window, Max, 500, canaryRps: 4, judgedAge: TimeSpan.FromSeconds(7.8)));

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.999)]
    [InlineData(-3.0)]
    public void For_LessThanASecondOfJudgedData_IsNotEnoughDataYet(double seconds) =>
        Assert.Null(GuardrailWindow.For(Window, Max, 500, canaryRps: 200, judgedAge: TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void For_JudgedDataOlderThanTheWindow_KeepsIt() =>
        Assert.Equal(Window, GuardrailWindow.For(Window, Max, 500, canaryRps: 200, judgedAge: TimeSpan.FromHours(1)));

    [Fact]
    public void JudgedFrom_NoTrafficChangeSinceTheStart_IsOnePointIntervalAfterTheStart() =>
        Assert.Equal(T0.AddSeconds(5), GuardrailWindow.JudgedFrom(T0, null, TimeSpan.FromSeconds(5)));

    [Fact]
    public void JudgedFrom_TrafficChangedAfterTheStart_IsOnePointIntervalAfterTheChange() =>
        Assert.Equal(T0.AddSeconds(65), GuardrailWindow.JudgedFrom(T0, T0.AddMinutes(1), TimeSpan.FromSeconds(5)));

    [Fact]
    public void JudgedFrom_ChangeBeforeThePhaseRun_CountsFromThePhaseRun() =>
        Assert.Equal(T0.AddSeconds(5), GuardrailWindow.JudgedFrom(T0, T0.AddMinutes(-10), TimeSpan.FromSeconds(5)));

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
