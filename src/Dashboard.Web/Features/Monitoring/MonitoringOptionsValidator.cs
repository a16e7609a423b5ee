using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Monitoring;

/// <summary>Checks the <c>Monitoring</c> section at start-up; each problem names its key.</summary>
public sealed class MonitoringOptionsValidator : IValidateOptions<MonitoringOptions>
{
    public ValidateOptionsResult Validate(string? name, MonitoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        Within(problems, "IntensiveInterval", options.IntensiveInterval, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10), "whole seconds");
        if (options.IntensiveInterval.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            problems.Add($"{MonitoringOptions.SectionName}:IntensiveInterval must be whole seconds");
        }

        Within(problems, "IntensiveWindow", options.IntensiveWindow, TimeSpan.FromSeconds(10), TimeSpan.FromHours(1), "e.g. 00:01:00");
        if (options.IntensiveWindow < options.IntensiveInterval)
        {
            problems.Add($"{MonitoringOptions.SectionName}:IntensiveWindow must be at least Monitoring:IntensiveInterval, or data between checks is never judged");
        }

        Within(problems, "IntensiveDuration", options.IntensiveDuration, TimeSpan.FromMinutes(1), TimeSpan.FromDays(30), "e.g. 1.12:00:00 for 36 h");
        Within(problems, "IntensivePassEvery", options.IntensivePassEvery, TimeSpan.Zero, TimeSpan.FromDays(1), "00:00:00 keeps every PASS");
        Within(problems, "RetainIntensiveFor", options.RetainIntensiveFor, TimeSpan.FromHours(1), TimeSpan.FromDays(3650), "e.g. 14.00:00:00");
        Within(problems, "MaxDataAge", options.MaxDataAge, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1), "e.g. 00:00:30");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void Within(List<string> problems, string key, TimeSpan value, TimeSpan min, TimeSpan max, string hint)
    {
        if (value < min || value > max)
        {
            problems.Add($"{MonitoringOptions.SectionName}:{key} must be within {min:c}..{max:c} ({hint})");
        }
    }
}
