using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Leadership;

/// <summary>Rejects intervals that would spin against the database or leave a lost lease unnoticed for long.</summary>
public sealed class LeadershipOptionsValidator : IValidateOptions<LeadershipOptions>
{
    private static readonly TimeSpan Min = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(1);

    public ValidateOptionsResult Validate(string? name, LeadershipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> problems = [];
        Check(problems, nameof(LeadershipOptions.RetryInterval), options.RetryInterval);
        Check(problems, nameof(LeadershipOptions.KeepaliveCadence), options.KeepaliveCadence);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void Check(List<string> problems, string key, TimeSpan value)
    {
        if (value < Min || value > Max)
        {
            problems.Add($"{LeadershipOptions.Section}:{key} must be between {Min} and {Max}, not {value}.");
        }
    }
}
