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
}
