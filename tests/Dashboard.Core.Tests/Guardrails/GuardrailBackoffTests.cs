using Dashboard.Core.Guardrails;

namespace Dashboard.Core.Tests.Guardrails;

public sealed class GuardrailBackoffTests
{
    [Fact]
    public void Delay_GrowsExponentiallyWithJitterUpToTheCap()
    {
        var baseDelay = TimeSpan.FromSeconds(1);
        Assert.Equal(TimeSpan.FromSeconds(0.5), GuardrailBackoff.Delay(0, baseDelay, TimeSpan.FromMinutes(5), random: 0));
        Assert.Equal(TimeSpan.FromSeconds(4), GuardrailBackoff.Delay(2, baseDelay, TimeSpan.FromMinutes(5), random: 1));
        Assert.Equal(TimeSpan.FromSeconds(30), GuardrailBackoff.Delay(20, baseDelay, TimeSpan.FromSeconds(30), random: 1));
    }
}
