using System.Globalization;
using Dashboard.Core.Evaluation;
using Dashboard.Core.Guardrails;
using Dashboard.Core.History;
using Dashboard.Core.Metrics;
using Dashboard.Core.Plans;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Checkpoints;
using Dashboard.Web.Features.Guardrails;
using Dashboard.Web.Features.Summaries;
using Dashboard.Web.Features.TrafficDrift;
using Dashboard.Web.Shared.Components;

namespace Dashboard.Web.Features.ShiftReview;

/// <summary>
/// Turns one audit event into a timeline entry in people's words (docs/shift-review.md lists each kind). Events
/// that are not rollout history (sign-ins, access, demo faults) have no entry.
/// </summary>
public static class TimelineEntryBuilder
{
    private delegate (TimelineKind Kind, string Text, int Gravity, bool NearMiss, string? Href) Describe(AuditEventRecord e, AuditPayload p);

    private static readonly Dictionary<string, Describe> Kinds = new(StringComparer.Ordinal)
    {
        ["traffic.changeRequested"] = (e, p) => (TimelineKind.TrafficChange,
            $"{(IsGuardrails(e) ? "The guardrails asked" : "Asked")} to move traffic {p.Int("fromPercent")} % → {p.Int("toPercent")} % canary: {Said(p)}",
            IsGuardrails(e) && p.Int("toPercent") > 0 ? 85 : 0, false, null),
        ["traffic.changeApplied"] = (_, p) => (TimelineKind.TrafficChange, $"The router confirmed {p.Int("readBackPercent")} % canary (asked {p.Int("toPercent")} %)", 0, false, null),
        ["traffic.changeFailed"] = (_, p) => (TimelineKind.TrafficChange,
            $"The router did not confirm {p.Int("toPercent")} % canary: {p.Text("failureMessage") ?? "no message"}", 80, false, null),
        ["traffic.reconciled"] = (_, p) => (TimelineKind.RouterAlert,
            $"The router's split differed from the recorded {p.Int("recordedPercent")} % ({Observed(p)}); re-applied: {Said(p)}", 65, false, null),
        [DriftAuditKinds.Started] = (_, p) => (TimelineKind.RouterAlert,
            $"Drift: {Observed(p)}, not the recorded {p.Int("recordedPercent")} %; nothing was changed until someone reconciles", 65, false, null),
        [DriftAuditKinds.Ended] = (_, p) => (TimelineKind.RouterAlert,
            $"Drift over after {TimelineWords.Length(TimeSpan.FromSeconds(p.Number("seconds") ?? 0))}: {DriftEnded(p)}", 5, false, null),
        ["rollout.created"] = (_, p) => (TimelineKind.PhaseTransition, $"Rollout planned along '{p.Text("planName")}': {Said(p)}", 0, false, null),
        ["rollout.started"] = (_, p) => (TimelineKind.PhaseTransition, $"Started phase '{p.Text("phaseName")}' at {p.Int("trafficPercent")} % canary: {Said(p)}", 0, false, null),
        ["phase.advanced"] = (_, p) => (TimelineKind.PhaseTransition,
            $"Advanced from '{p.Text("fromPhaseName")}' to '{p.Text("toPhaseName")}' at {p.Int("trafficPercent")} % canary: {Said(p)}", 0, false, null),
        ["phase.passed"] = (_, p) => (TimelineKind.PhaseTransition, $"Phase '{p.Text("phaseName")}' passed: {Said(p)}", 0, false, null),
        ["phase.held"] = (_, p) => (TimelineKind.PhaseTransition, $"Phase '{p.Text("phaseName")}' held: {Said(p)}", 50, false, null),
        ["phase.resumed"] = (_, p) => (TimelineKind.PhaseTransition, $"Phase '{p.Text("phaseName")}' resumed: {Said(p)}", 0, false, null),
        ["phase.retried"] = (_, p) => (TimelineKind.PhaseTransition, $"Phase '{p.Text("phaseName")}' retried from its start: {Said(p)}", 20, false, null),
        ["rollout.completed"] = (_, p) => (TimelineKind.PhaseTransition, $"Rollout completed after '{p.Text("phaseName")}': {Said(p)}", 0, false, null),
        ["rollout.aborted"] = (_, p) => (TimelineKind.PhaseTransition, $"Rollout aborted in '{p.Text("phaseName")}': {Said(p)}", 75, false, null),
        ["rollout.rolledBack"] = (e, p) => (IsGuardrails(e) ? TimelineKind.GuardrailAction : TimelineKind.PhaseTransition,
            $"{(IsGuardrails(e) ? "The guardrails rolled back" : "Rolled back")} from {p.Int("fromPercent")} % in '{p.Text("phaseName")}': {Said(p)}", 100, false, null),
        [GuardrailAuditKinds.Contingency] = (_, p) => (TimelineKind.GuardrailAction,
            $"Guardrail contingency '{p.Text("condition")}' held for {p.Int("streak")} polls: {Action(p.Text("action"))}{For(p)}", 45, false, null),
        [GuardrailAuditKinds.Blocked] = (_, p) => (TimelineKind.GuardrailAction,
            $"Guardrail '{p.Text("condition")}' held for {p.Int("streak")} polls but could not act: {p.Text("reason")}", 60, false, null),
        ["phase.signOffRequested"] = (_, p) => (TimelineKind.SignOff, $"Phase '{p.Text("phaseName")}' waits for sign-off from {Roles(p)}", 0, false, null),
        ["signOff.recorded"] = (e, p) => (TimelineKind.SignOff,
            $"{e.Actor} ({Role(p.Text("role"))}) signed {SignOff(p.Text("decision"))} for '{p.Text("phase")}'{Comment(p.Text("comment"))}",
            string.Equals(p.Text("decision"), "NoGo", StringComparison.OrdinalIgnoreCase) ? 40 : 0, false, null),
        ["checkpoint.decided"] = (e, p) => (TimelineKind.SignOff,
            $"Decision at checkpoint {Offset(p)} of '{p.Text("phase")}': {DecisionLabels.Label(p.Text("decision") ?? "")} — {p.Text("notes")}{ActionItems(p)}", 0, false, CheckpointHref(e, p)),
        ["checkpoint.evaluated"] = (e, p) => Verdict(e, p, "Checkpoint"),
        ["checkpoint.reevaluated"] = (e, p) => Verdict(e, p, "Checkpoint re-evaluated,"),
        ["incident.opened"] = (_, p) => (TimelineKind.Incident,
            $"{Severity(p)} incident opened: {p.Text("title")} (owner {p.Text("owner")}){(p.Flag("dataLoss") == true ? ", data lost" : "")}", IncidentGravity(p), false, null),
        ["incident.updated"] = (_, p) => (TimelineKind.Incident, $"{Severity(p)} incident updated: {p.Text("title")} — {p.Text("text")}", 10, false, null),
        ["incident.resolved"] = (_, p) => (TimelineKind.Incident, $"{Severity(p)} incident resolved: {p.Text("title")} — {p.Text("text")}", 5, false, null),
        ["healthCheck.recorded"] = (_, p) => HealthCheck(p),
        [GuardrailAuditKinds.StreakGrew] = (_, p) => (TimelineKind.GuardrailStreak,
            $"'{p.Text("condition")}' breached {p.Int("count")} of {p.Int("required")} polls in a row; no action", 15 * (p.Int("count") ?? 1), true, null),
        [GuardrailAuditKinds.BlindStarted] = (_, p) => (TimelineKind.GuardrailBlind,
            $"Guardrails blind: no data for {Metrics(p)}{(p.Text("reason") is { } reason ? $" ({reason})" : "")}", 20, true, null),
        [GuardrailAuditKinds.BlindEnded] = (_, p) => (TimelineKind.GuardrailBlind,
            $"Guardrails were blind for {TimelineWords.Length(TimeSpan.FromSeconds(p.Number("seconds") ?? 0))}, {(p.Flag("dataBack") == true ? "until data came back" : "until the rollout stopped being watched")}",
            BlindGravity(p), true, null),
        ["summary.generated"] = (e, p) => (TimelineKind.ExecutiveSummary,
            $"Executive summary '{MilestoneTitle(p)}': {p.Text("verdict") ?? "no verdict"}", 0, false, SummaryHref(e, p)),
    };

    /// <summary>The audit kinds that have an entry: the only ones the timeline reads.</summary>
    public static IReadOnlyCollection<string> AuditKinds { get; } = [.. Kinds.Keys];

    /// <summary>The entry for <paramref name="recorded"/>, or null when its kind is not rollout history.</summary>
    public static TimelineEntry? From(AuditEventRecord recorded, string rollout)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        if (!Kinds.TryGetValue(recorded.Kind, out var describe))
        {
            return null;
        }

        var (kind, text, gravity, nearMiss, href) = AuditPayload.Read(recorded.PayloadJson, p => describe(recorded, p));
        return new TimelineEntry(
            recorded.Sequence, recorded.At, recorded.RolloutId, rollout, kind, TimelineWords.Kind(kind), text, recorded.Actor,
            href ?? (recorded.RolloutId is { } id ? ReviewLinks.AuditEntry(id, recorded.Sequence) : ReviewLinks.HealthChecks),
            ReviewLinks.Board(recorded.At), nearMiss, gravity);
    }

    private static (TimelineKind, string, int, bool, string?) Verdict(AuditEventRecord e, AuditPayload p, string what)
    {
        var verdict = Enum.TryParse<Verdict>(p.Text("verdict"), ignoreCase: true, out var parsed) ? parsed : Core.Evaluation.Verdict.NoData;
        var gravity = verdict switch { Core.Evaluation.Verdict.Fail => 70, Core.Evaluation.Verdict.NoData => 55, Core.Evaluation.Verdict.Warn => 30, _ => 0 };
        return (TimelineKind.CheckpointVerdict, $"{what} {Offset(p)} of '{p.Text("phase")}': {VerdictPresentation.Label(verdict)}{Comment(p.Text("reason"))}",
            gravity, verdict == Core.Evaluation.Verdict.Warn, CheckpointHref(e, p));
    }

    private static (TimelineKind, string, int, bool, string?) HealthCheck(AuditPayload p)
    {
        var verdict = Enum.TryParse<Verdict>(p.Text("verdict"), ignoreCase: true, out var parsed) ? parsed : Core.Evaluation.Verdict.NoData;
        var passed = verdict is Core.Evaluation.Verdict.Pass or Core.Evaluation.Verdict.Warn;
        var cadence = (p.Text("cadence") ?? "").ToLowerInvariant();
        return passed
            ? (TimelineKind.HealthCheck, $"The {cadence} health check of '{p.Text("phase")}' passes again: {VerdictPresentation.Label(verdict)}", 5, false, ReviewLinks.HealthChecks)
            : (TimelineKind.HealthCheck, $"The {cadence} health check of '{p.Text("phase")}' did not pass: {VerdictPresentation.Label(verdict)}{Comment(p.Text("summary"))}",
                verdict == Core.Evaluation.Verdict.Fail ? 60 : 50, false, ReviewLinks.HealthChecks);
    }

    private static bool IsGuardrails(AuditEventRecord e) => e.Actor == AutomationActors.Guardrails.Name;

    private static string Said(AuditPayload p) => p.Text("reason") is { Length: > 0 } reason ? reason : "no reason recorded";

    private static string Comment(string? text) => string.IsNullOrWhiteSpace(text) ? "" : $" — {text}";

    private static string Observed(AuditPayload p) =>
        p.Number("observedCanaryPercent") is { } observed ? string.Create(CultureInfo.InvariantCulture, $"the router ran {observed:0.#} % canary") : "the router could not be read";

    private static string DriftEnded(AuditPayload p) => p.Enum<DriftEnd>("how") switch
    {
        DriftEnd.Reconciled => $"{p.Text("reconciledBy") ?? "someone"} reconciled; the router runs the recorded {p.Int("recordedPercent")} %",
        DriftEnd.BackInStep => $"the router runs the recorded {p.Int("recordedPercent")} % again without a reconcile",
        DriftEnd.NoLongerOfRecord => "another rollout (or none) is now the one the router follows",
        _ => "no reason recorded",
    };

    private static string For(AuditPayload p) =>
        p.Text("duration") is { } text && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var duration) ? $" for {PlanDuration.Format(duration)}" : "";

    private static string Offset(AuditPayload p) =>
        p.Text("checkpoint") is { } text && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var offset) ? PlanDuration.Format(offset) : "?";

    private static string? CheckpointHref(AuditEventRecord e, AuditPayload p) =>
        e.RolloutId is { } id && p.Int("phaseIndex") is { } phase && p.Text("checkpoint") is { } text && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var offset)
            ? CheckpointRoutes.Page(id, phase, (long)offset.TotalSeconds)
            : null;

    private static string Roles(AuditPayload p) =>
        p.Texts("roles") is { Count: > 0 } roles ? string.Join(", ", roles.Select(Role)) : "a person (a WARN needs a decision)";

    private static string Role(string? role) =>
        Enum.TryParse<SignOffRole>(role, ignoreCase: true, out var parsed) ? Vocabulary.Role(parsed) : role ?? "unknown role";

    private static string SignOff(string? decision) => string.Equals(decision, "NoGo", StringComparison.OrdinalIgnoreCase) ? "NO-GO" : "GO";

    private static string ActionItems(AuditPayload p) => p.Objects("actionItems") is { Count: > 0 } items
        ? $"; action items: {string.Join("; ", items.Select(i => $"{i.Text("text")} ({i.Text("owner")}{(i.Text("due") is { } due ? $", due {due}" : "")})"))}"
        : "";

    private static string Severity(AuditPayload p) => Vocabulary.Capitalize((p.Text("severity") ?? "unknown").ToLowerInvariant());

    private static int IncidentGravity(AuditPayload p) => p.Text("severity") switch
    {
        "Critical" => 90,
        "High" => 60,
        _ => 20,
    };

    private static string MilestoneTitle(AuditPayload p) =>
        SummaryMilestone.Parse(p.Text("milestone") ?? "") is { } milestone ? milestone.Title(p.Text("phase") ?? "the phase") : p.Text("milestone") ?? "?";

    private static string? SummaryHref(AuditEventRecord e, AuditPayload p) =>
        e.RolloutId is { } id && Guid.TryParse(p.Text("summaryId"), out var summaryId) ? SummaryRoutes.Page(id, summaryId) : null;

    private static int BlindGravity(AuditPayload p) => 20 + (int)Math.Min(20, (p.Number("seconds") ?? 0) / 60);

    private static string Metrics(AuditPayload p) =>
        p.Texts("metrics") is { Count: > 0 } keys ? string.Join(", ", keys.Select(MetricCatalog.LabelOf)) : "its triggers";

    private static string Action(string? name) =>
        Enum.TryParse<GuardrailDecisionKind>(name, ignoreCase: true, out var kind) ? Vocabulary.Action(kind) : name ?? "unknown action";
}
