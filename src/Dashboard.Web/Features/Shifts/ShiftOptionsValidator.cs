using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Shifts;

/// <summary>Checks the <c>Shifts</c> section at start-up: the patterns follow each other around the 24-hour day with no gap or overlap.</summary>
public sealed partial class ShiftOptionsValidator : IValidateOptions<ShiftOptions>
{
    public ValidateOptionsResult Validate(string? name, ShiftOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string section = ShiftOptions.SectionName;
        var failures = new List<string>();
        var patterns = options.EffectivePatterns;
        for (var i = 0; i < patterns.Count; i++)
        {
            var pattern = patterns[i];
            if (!PatternName().IsMatch(pattern.Name ?? string.Empty))
            {
                failures.Add($"{section}:Patterns:{i}:Name must be 1-30 lower-case letters, digits or dashes (not '{pattern.Name}')");
            }

            if (pattern.Start < TimeSpan.Zero || pattern.Start >= TimeSpan.FromDays(1) || pattern.Start.Seconds != 0 || pattern.Start.Milliseconds != 0)
            {
                failures.Add($"{section}:Patterns:{i}:Start must be a whole minute of the day, 00:00:00 to 23:59:00 (not {pattern.Start})");
            }

            if (pattern.Length < TimeSpan.FromMinutes(1) || pattern.Length.Seconds != 0 || pattern.Length.Milliseconds != 0)
            {
                failures.Add($"{section}:Patterns:{i}:Length must be a positive whole number of minutes (not {pattern.Length})");
            }

            var next = patterns[(i + 1) % patterns.Count];
            var end = pattern.Start + pattern.Length;
            var expected = i + 1 < patterns.Count ? next.Start : next.Start + TimeSpan.FromDays(1);
            if (end != expected)
            {
                failures.Add(end < expected
                    ? $"{section}:Patterns:{i} ('{pattern.Name}') ends at {end} but the next shift starts at {expected}: a gap"
                    : $"{section}:Patterns:{i} ('{pattern.Name}') ends at {end}, after the next shift starts at {expected}: an overlap");
            }
        }

        if (patterns.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count() != patterns.Count)
        {
            failures.Add($"{section}:Patterns names must be unique");
        }

        if (options.HandoffOpensBefore <= TimeSpan.Zero || patterns.Any(p => options.HandoffOpensBefore > p.Length))
        {
            failures.Add($"{section}:HandoffOpensBefore must be positive and at most the shortest shift");
        }

        if (options.AcknowledgeWithin <= TimeSpan.Zero || patterns.Any(p => options.AcknowledgeWithin >= p.Length))
        {
            failures.Add($"{section}:AcknowledgeWithin must be positive and shorter than the shortest shift");
        }

        if (options.OverdueCheckInterval < TimeSpan.FromMilliseconds(100) || options.OverdueCheckInterval > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{section}:OverdueCheckInterval must be within 00:00:00.1..00:10:00");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[a-z0-9-]{1,30}$")]
    private static partial Regex PatternName();
}
