using System.Globalization;

namespace Dashboard.SampleService.Load;

/// <summary>What the load generator sends, parsed from <c>--target --rps --duration --segments --regions</c>.</summary>
public sealed record LoadGeneratorOptions(Uri Target, int RequestsPerSecond, TimeSpan Duration, IReadOnlyList<string> Segments, IReadOnlyList<string> Regions)
{
    public const int MaxRequestsPerSecond = 500;

    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(2);

    public static LoadGeneratorOptions Default { get; } = new(
        new Uri("http://127.0.0.1:8080/analyze"), 50, TimeSpan.FromMinutes(10), ["A", "B", "C"], ["us-east", "us-west", "eu"]);

    /// <summary>Parses the arguments over <see cref="Default"/>; every problem is reported, none is guessed around.</summary>
    public static (LoadGeneratorOptions? Options, IReadOnlyList<string> Errors) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = Default;
        var errors = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var key = args[i];
            if (i + 1 >= args.Count)
            {
                errors.Add($"{key} needs a value");
                break;
            }

            var value = args[++i];
            switch (key)
            {
                case "--target":
                    options = Uri.TryCreate(value, UriKind.Absolute, out var target)
                        ? options with { Target = target }
                        : Fail(errors, options, $"--target must be an absolute URL, not '{value}'");
                    break;
                case "--rps":
                    options = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var rps)
                        ? options with { RequestsPerSecond = rps }
                        : Fail(errors, options, $"--rps must be a whole number, not '{value}'");
                    break;
                case "--duration":
                    options = TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var duration)
                        ? options with { Duration = duration }
                        : Fail(errors, options, $"--duration must be a time span (hh:mm:ss), not '{value}'");
                    break;
                case "--segments":
                    options = options with { Segments = TagList.Parse(value) };
                    break;
                case "--regions":
                    options = options with { Regions = TagList.Parse(value) };
                    break;
                default:
                    errors.Add($"unknown option {key} (known: --target --rps --duration --segments --regions)");
                    break;
            }
        }

        errors.AddRange(options.Problems());
        return errors.Count == 0 ? (options, errors) : (null, errors);
    }

    /// <summary>The hard caps and the loopback guard.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (LoopbackTarget.Refusal(Target) is { } refusal)
        {
            problems.Add(refusal);
        }

        if (RequestsPerSecond is < 1 or > MaxRequestsPerSecond)
        {
            problems.Add($"--rps must be between 1 and {MaxRequestsPerSecond}");
        }

        if (Duration <= TimeSpan.Zero || Duration > MaxDuration)
        {
            problems.Add($"--duration must be positive and at most {MaxDuration:hh\\:mm\\:ss}");
        }

        if (Segments.Count == 0)
        {
            problems.Add("--segments must name at least one segment");
        }

        if (Regions.Count == 0)
        {
            problems.Add("--regions must name at least one region");
        }

        return problems;
    }

    private static LoadGeneratorOptions Fail(List<string> errors, LoadGeneratorOptions options, string error)
    {
        errors.Add(error);
        return options;
    }
}
