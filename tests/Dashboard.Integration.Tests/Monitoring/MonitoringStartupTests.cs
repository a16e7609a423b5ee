using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Monitoring;

/// <summary>A bad <c>Monitoring</c> setting stops the real app at start-up, naming the key.</summary>
public sealed class MonitoringStartupTests
{
    [Fact]
    public async Task Start_WithIntensiveWindowShorterThanItsInterval_ExitsNamingTheKey()
    {
        await using var app = await AppProcess.RunUntilExitAsync(
            new Dictionary<string, string> { ["Monitoring__IntensiveWindow"] = "00:00:02", ["Demo__Enabled"] = "false" },
            TimeSpan.FromSeconds(60));

        Assert.Equal(2, app.ExitCode);
        var line = Assert.Single(app.Output.Split('\n', StringSplitOptions.TrimEntries), l => l.StartsWith("Configuration error:", StringComparison.Ordinal));
        Assert.Contains("Monitoring:IntensiveWindow must be within", line, StringComparison.Ordinal);
    }
}
