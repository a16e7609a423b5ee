using System.Text.Json;

namespace Dashboard.Web.Features.Demo;

/// <summary>
/// The one way to inject and clear demo faults, used by the REST API and the UI. Authorization and
/// auditing belong here (a later issue guards these methods), not in the callers.
/// </summary>
public sealed class DemoFaultService(DemoFaultBoard board)
{
    /// <summary>The longest a fault may last.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(24);

    public IReadOnlyList<DemoFault> Active => board.Active;

    /// <summary>The name of a kind in JSON and in the API (camelCase).</summary>
    public static string WireName(FaultKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    /// <summary>
    /// The sensible magnitudes of a kind: above <c>Above</c>, at most <c>AtMost</c>. A latency
    /// regression is a factor (above 1); the other kinds are percentages (above 0, at most 100).
    /// </summary>
    public static (double Above, double AtMost) MagnitudeBounds(FaultKind kind) =>
        kind == FaultKind.LatencyRegression ? (1, 100) : (0, 100);

    /// <summary>Validates the request as a whole and injects the fault when nothing is wrong.</summary>
    public DemoFaultInjection Inject(DemoFaultRequest? request)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var kind = ParseKind(request?.Kind, problems);
        var magnitude = CheckMagnitude(kind, request?.Magnitude, problems);
        var duration = CheckDuration(request?.DurationSeconds, problems);
        if (problems.Count > 0 || kind is null)
        {
            return new DemoFaultInjection(null, problems);
        }

        var fault = board.Inject(kind.Value, magnitude, duration);
        return new DemoFaultInjection(fault, problems);
    }

    /// <summary>Ends one fault; false when it was not active.</summary>
    public bool Clear(Guid id) => board.Clear(id);

    public void ClearAll() => board.ClearAll();

    private static FaultKind? ParseKind(string? text, Dictionary<string, string[]> problems)
    {
        var kinds = Enum.GetValues<FaultKind>();
        var names = string.Join(", ", kinds.Select(WireName));
        if (string.IsNullOrWhiteSpace(text))
        {
            problems["kind"] = [$"kind is required: one of {names}"];
            return null;
        }

        foreach (var kind in kinds)
        {
            if (string.Equals(WireName(kind), text, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        problems["kind"] = [$"kind '{text}' is unknown: use one of {names}"];
        return null;
    }

    private static double CheckMagnitude(FaultKind? kind, double? magnitude, Dictionary<string, string[]> problems)
    {
        if (magnitude is not { } value)
        {
            problems["magnitude"] = ["magnitude is required"];
            return 0;
        }

        if (!double.IsFinite(value) || value <= 0)
        {
            problems["magnitude"] = ["magnitude must be greater than 0"];
        }
        else if (kind is { } known && MagnitudeBounds(known) is var (above, atMost) && (value <= above || value > atMost))
        {
            problems["magnitude"] = known == FaultKind.LatencyRegression
                ? [$"magnitude of a latencyRegression is a factor: greater than {above} and at most {atMost}"]
                : [$"magnitude of a {WireName(known)} is in percent: greater than {above} and at most {atMost}"];
        }

        return value;
    }

    private static TimeSpan CheckDuration(double? seconds, Dictionary<string, string[]> problems)
    {
        if (seconds is not { } value)
        {
            problems["durationSeconds"] = ["durationSeconds is required"];
            return TimeSpan.Zero;
        }

        if (!double.IsFinite(value) || value <= 0)
        {
            problems["durationSeconds"] = ["durationSeconds must be greater than 0"];
            return TimeSpan.Zero;
        }

        if (value > MaxDuration.TotalSeconds)
        {
            problems["durationSeconds"] = [$"durationSeconds must be at most {MaxDuration.TotalSeconds:0} (24 h)"];
            return TimeSpan.Zero;
        }

        return TimeSpan.FromSeconds(value);
    }
}
