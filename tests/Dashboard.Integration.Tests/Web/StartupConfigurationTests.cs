using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Web;

/// <summary>A bad setting stops the real app at start-up with one clear line naming the key.</summary>
public sealed class StartupConfigurationTests
{
    [Theory]
    [InlineData("Influx__Url", "not a url", "Influx:Url")]
    [InlineData("Influx__Url", "ftp://127.0.0.1:8086", "Influx:Url")]
    [InlineData("Influx__Database", " ", "Influx:Database")]
    [InlineData("LiveMetrics__PollInterval", "00:00:00", "LiveMetrics:PollInterval")]
    [InlineData("LiveMetrics__PollInterval", "-00:00:05", "LiveMetrics:PollInterval")]
    [InlineData("LiveMetrics__PollInterval", "soon", "LiveMetrics:PollInterval")]
    public async Task Start_WithInvalidSetting_ExitsWithOneLineNamingTheKey(string variable, string value, string key)
    {
        await using var app = await AppProcess.RunUntilExitAsync(
            new Dictionary<string, string> { [variable] = value, ["Demo__Enabled"] = "false" },
            TimeSpan.FromSeconds(60));

        Assert.Equal(2, app.ExitCode);
        var errorLines = app.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith("Configuration error:", StringComparison.Ordinal))
            .ToList();
        var line = Assert.Single(errorLines);
        Assert.Contains(key, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", app.Output, StringComparison.Ordinal);
    }
}
