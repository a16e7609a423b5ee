using System.Globalization;
using System.Text.Json;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Shared;

namespace Dashboard.Web.Features.Demo;

/// <summary>
/// The one way to inject and clear demo faults, used by the REST API and the UI. Each change asks
/// <see cref="AccessAuthorization"/> (<see cref="Operation.InjectFault"/>) first and is written to
/// the audit log (<c>demo.faultInjected</c>, <c>demo.faultCleared</c>, <c>demo.faultsCleared</c>) before
/// the board changes, so every page and the simulator only ever see audited faults.
/// </summary>
public sealed class DemoFaultService(DemoFaultBoard board, AccessAuthorization authorization, AuditLog auditLog)
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

    /// <summary>
    /// What is wrong with <paramref name="magnitude"/> for a fault of <paramref name="kind"/>, in the words the
    /// panel shows beside its field and the API lists under <c>magnitude</c>; null when it is fine.
    /// </summary>
    public static string? MagnitudeProblem(FaultKind kind, double magnitude)
    {
        var (above, atMost) = MagnitudeBounds(kind);
        if (double.IsFinite(magnitude) && magnitude > above && magnitude <= atMost)
        {
            return null;
        }

        var unit = kind == FaultKind.LatencyRegression ? "a latency factor" : "percent";
        return string.Create(CultureInfo.InvariantCulture, $"must be greater than {above} and at most {atMost} ({unit}), not {magnitude}");
    }

    /// <summary>
    /// Authorizes <paramref name="actor"/>, validates the request as a whole and, when nothing is wrong,
    /// audits and injects the fault: Created with it, Invalid with every problem by field, or Forbidden.
    /// </summary>
    public async Task<Outcome<DemoFault>> InjectAsync(DemoFaultRequest? request, Actor actor, CancellationToken cancellationToken = default)
    {
        if (await authorization.RequireAsync(actor, Operation.InjectFault, null, cancellationToken) is { } denial)
        {
            return Outcomes.Forbidden<DemoFault>(denial);
        }

        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var kind = ParseKind(request?.Kind, problems);
        var magnitude = CheckMagnitude(kind, request?.Magnitude, problems);
        var duration = CheckDuration(request?.DurationSeconds, problems);
        if (problems.Count > 0 || kind is null)
        {
            return Outcomes.Invalid<DemoFault>(problems);
        }

        var fault = board.Prepare(kind.Value, magnitude, duration);
        await auditLog.AppendAsync(actor.Name, "demo.faultInjected", null, new
        {
            faultId = fault.Id,
            kind = WireName(fault.Kind),
            magnitude = fault.Magnitude,
            durationSeconds = duration.TotalSeconds,
            startedAt = fault.StartedAt,
            endsAt = fault.EndsAt,
        }, cancellationToken);
        board.Add(fault);
        return Outcomes.Created(fault);
    }

    /// <summary>Authorizes, audits and ends one fault: Succeeded with it, NotFound when it is not active, or Forbidden.</summary>
    public async Task<Outcome<DemoFault>> ClearAsync(Guid id, Actor actor, CancellationToken cancellationToken = default)
    {
        if (await authorization.RequireAsync(actor, Operation.InjectFault, null, cancellationToken) is { } denial)
        {
            return Outcomes.Forbidden<DemoFault>(denial);
        }

        if (board.Active.FirstOrDefault(f => f.Id == id) is not { } fault)
        {
            return Outcomes.NotFound<DemoFault>($"No demo fault {id} is active.");
        }

        await auditLog.AppendAsync(actor.Name, "demo.faultCleared", null, new
        {
            faultId = fault.Id,
            kind = WireName(fault.Kind),
            magnitude = fault.Magnitude,
            endsAt = fault.EndsAt,
        }, cancellationToken);
        board.Clear(id);
        return Outcomes.Succeeded(fault);
    }

    /// <summary>
    /// Authorizes, audits and ends every active fault: Succeeded with those it ended, or Forbidden. A fault
    /// injected meanwhile stays: it is not in the audited list.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<DemoFault>>> ClearAllAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (await authorization.RequireAsync(actor, Operation.InjectFault, null, cancellationToken) is { } denial)
        {
            return Outcomes.Forbidden<IReadOnlyList<DemoFault>>(denial);
        }

        var active = board.Active;
        await auditLog.AppendAsync(actor.Name, "demo.faultsCleared", null, new
        {
            faultIds = active.Select(f => f.Id).ToArray(),
            kinds = active.Select(f => WireName(f.Kind)).ToArray(),
        }, cancellationToken);
        foreach (var fault in active)
        {
            board.Clear(fault.Id);
        }

        return Outcomes.Succeeded(active);
    }

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

        if (kind is { } known && MagnitudeProblem(known, value) is { } problem)
        {
            problems["magnitude"] = [problem];
        }
        else if (!double.IsFinite(value) || value <= 0)
        {
            problems["magnitude"] = ["must be greater than 0"];
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
            problems["durationSeconds"] = ["must be greater than 0"];
            return TimeSpan.Zero;
        }

        if (value > MaxDuration.TotalSeconds)
        {
            problems["durationSeconds"] = [$"must be at most {MaxDuration.TotalSeconds:0} (24 h)"];
            return TimeSpan.Zero;
        }

        return TimeSpan.FromSeconds(value);
    }
}
