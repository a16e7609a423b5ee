using System.Globalization;
using System.Text.RegularExpressions;
using Dashboard.Core.Metrics;

namespace Dashboard.Core.Plans;

/// <summary>
/// Checks a plan against every rule of docs/plans.md and reports every problem at once, each with
/// its path (<c>phases[1].checkpoints[2]: offset 5h is past the phase duration 4h</c>).
/// </summary>
public static partial class PlanValidator
{
    public const int MaxIdLength = 64;

    /// <summary>The longest plan or phase name (docs/plans.md); SQLite would take any length, so the rule does.</summary>
    public const int MaxNameLength = 200;

    /// <summary>The longest plan description.</summary>
    public const int MaxDescriptionLength = 2000;

    /// <summary>The longest expected population text of a phase.</summary>
    public const int MaxPopulationLength = 2000;

    public static IReadOnlyList<PlanProblem> Validate(RolloutPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Validate(PlanDraftMapping.ToDraft(plan));
    }

    /// <summary>True when <paramref name="text"/> is a slug: lower-case letters and digits in hyphen-separated words.</summary>
    public static bool IsSlug(string? text) => text is { Length: > 0 and <= MaxIdLength } && SlugPattern().IsMatch(text);

    internal static List<PlanProblem> Validate(PlanDraft plan)
    {
        var problems = new List<PlanProblem>();
        void Report(string path, string message) => problems.Add(new(path, message));

        if (string.IsNullOrWhiteSpace(plan.Id))
        {
            Report("id", "an id is required");
        }
        else if (!IsSlug(plan.Id))
        {
            Report("id", $"'{plan.Id}' is not a slug: use up to {MaxIdLength} lower-case letters and digits in hyphen-separated words, e.g. three-phase");
        }

        if (string.IsNullOrWhiteSpace(plan.Name))
        {
            Report("name", "a name is required");
        }

        CapLength(plan.Name, MaxNameLength, "name", Report);
        CapLength(plan.Description, MaxDescriptionLength, "description", Report);

        if (plan.OnFailedPhase is { } policy)
        {
            RequirePositive(policy.HoldFor, "onFailedPhase.holdFor", "a hold duration", Report);
        }

        if (plan.Phases is null or { Count: 0 })
        {
            Report("phases", "a plan needs at least one phase");
            return problems;
        }

        var firstIndexByName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var index = 0; index < plan.Phases.Count; index++)
        {
            var phase = plan.Phases[index];
            var path = $"phases[{index}]";
            if (string.IsNullOrWhiteSpace(phase.Name))
            {
                Report($"{path}.name", "a name is required");
            }
            else if (phase.Name.Length > MaxNameLength)
            {
                CapLength(phase.Name, MaxNameLength, $"{path}.name", Report);
            }
            else if (!firstIndexByName.TryAdd(phase.Name, index))
            {
                Report($"{path}.name", $"duplicate phase name '{phase.Name}' (also phases[{firstIndexByName[phase.Name]}])");
            }

            CapLength(phase.ExpectedPopulation, MaxPopulationLength, $"{path}.expectedPopulation", Report);

            ValidatePhase(phase, path, Report);
        }

        return problems;
    }

    private static void CapLength(string? text, int maxLength, string path, Action<string, string> report)
    {
        if (text is { } value && value.Length > maxLength)
        {
            report(path, string.Create(CultureInfo.InvariantCulture, $"must be at most {maxLength} characters (this is {value.Length})"));
        }
    }

    private static void ValidatePhase(PhaseDraft phase, string path, Action<string, string> report)
    {
        if (phase.TrafficPercent is not { } traffic)
        {
            report($"{path}.trafficPercent", "a traffic percent is required");
        }
        else if (traffic is < 0 or > 100)
        {
            report($"{path}.trafficPercent", $"traffic {traffic} is outside 0..100");
        }

        RequirePositive(phase.Duration, $"{path}.duration", "a duration", report);
        ValidateCheckpoints(phase, path, report);

        if (phase.Criteria is null or { Count: 0 })
        {
            report($"{path}.criteria", "a phase needs at least one pass criterion");
        }
        else
        {
            for (var index = 0; index < phase.Criteria.Count; index++)
            {
                ValidateCriterion(phase, phase.Criteria[index], $"{path}.criteria[{index}]", report);
            }

            // Dry runs never gate: a phase of nothing else could never pass a checkpoint.
            if (phase.Criteria.All(criterion => criterion.DryRun == true))
            {
                report($"{path}.criteria", "a phase needs at least one pass criterion that is not a dry run");
            }
        }

        for (var index = 0; index < (phase.AutoRollbackTriggers?.Count ?? 0); index++)
        {
            ValidateCondition(phase.AutoRollbackTriggers![index], $"{path}.autoRollbackTriggers[{index}]", report);
        }

        for (var index = 0; index < (phase.ContingencyRules?.Count ?? 0); index++)
        {
            ValidateContingency(phase, phase.ContingencyRules![index], $"{path}.contingencyRules[{index}]", report);
        }

        ValidateGate(phase.Gate, $"{path}.gate", report);
    }

    private static void ValidateCheckpoints(PhaseDraft phase, string path, Action<string, string> report)
    {
        if (phase.Checkpoints is null or { Count: 0 })
        {
            report($"{path}.checkpoints", "a phase needs at least one checkpoint");
            return;
        }

        TimeSpan? previous = null;
        var previousIndex = -1;
        for (var index = 0; index < phase.Checkpoints.Count; index++)
        {
            if (phase.Checkpoints[index] is not { } offset)
            {
                report($"{path}.checkpoints[{index}]", "an offset is required");
                continue;
            }

            var itemPath = $"{path}.checkpoints[{index}]";
            var text = Describe(offset);
            if (offset <= TimeSpan.Zero)
            {
                report(itemPath, $"offset {text} must be after the phase start");
            }
            else if (phase.Duration is { } duration && duration > TimeSpan.Zero && offset > duration)
            {
                report(itemPath, $"offset {text} is past the phase duration {Describe(duration)}");
            }

            if (previous is { } before && offset == before)
            {
                report(itemPath, $"offset {text} repeats {path}.checkpoints[{previousIndex}]");
            }
            else if (previous is { } earlier && offset < earlier)
            {
                report(itemPath, $"offset {text} comes after {Describe(earlier)}: checkpoints must be in ascending order");
            }

            previous = offset;
            previousIndex = index;
        }
    }

    private static void ValidateCriterion(PhaseDraft phase, CriterionDraft criterion, string path, Action<string, string> report)
    {
        ValidateCondition(criterion.Condition, path, report);
        if (criterion.WarnMargin is { } margin && (!double.IsFinite(margin) || margin < 0))
        {
            report($"{path}.warnMargin", $"warn margin {Number(margin)} must be a number ≥ 0");
        }

        if (criterion.FromCheckpoint is { } from && phase.Checkpoints is { } checkpoints && !checkpoints.Contains(from))
        {
            report($"{path}.fromCheckpoint", $"{Describe(from)} is not one of the phase's checkpoints");
        }

        // JSON reports an unknown word while reading; this catches an undefined value set in code.
        if (criterion.OnInconclusive is { } action && !Enum.IsDefined(action))
        {
            report($"{path}.onInconclusive", $"'{action}' is not one of {PlanJsonText.Choices<InconclusiveAction>()}");
        }
    }

    private static void ValidateCondition(ConditionDraft condition, string path, Action<string, string> report)
    {
        if (string.IsNullOrWhiteSpace(condition.Metric))
        {
            report($"{path}.metric", "a metric is required");
        }
        else if (!MetricCatalog.IsPlanKey(condition.Metric))
        {
            report($"{path}.metric", $"unknown metric '{condition.Metric}' (known: {string.Join(", ", MetricCatalog.PlanKeys)})");
        }

        if (condition.Comparator is null)
        {
            report($"{path}.comparator", $"a comparator is required ({ComparatorText.Accepted})");
        }

        if (condition.Threshold is not { } threshold)
        {
            report($"{path}.threshold", "a threshold is required");
        }
        else if (!double.IsFinite(threshold))
        {
            report($"{path}.threshold", "the threshold must be a finite number");
        }
    }

    private static void ValidateContingency(PhaseDraft phase, ContingencyDraft rule, string path, Action<string, string> report)
    {
        if (rule.When is null or { Count: 0 })
        {
            report($"{path}.when", "a contingency rule needs at least one condition");
        }
        else
        {
            for (var index = 0; index < rule.When.Count; index++)
            {
                ValidateCondition(rule.When[index], $"{path}.when[{index}]", report);
            }
        }

        switch (rule.Action)
        {
            case null:
                report($"{path}.action", "an action is required (reduceTraffic, monitorClosely or log)");
                break;
            case ContingencyActionKind.ReduceTraffic when rule.TrafficPercent is null:
                report($"{path}.trafficPercent", "reduceTraffic needs the traffic percent to reduce to");
                break;
            case ContingencyActionKind.ReduceTraffic when rule.TrafficPercent is < 0 or > 100:
                report($"{path}.trafficPercent", $"reduce-to {rule.TrafficPercent} is outside 0..100");
                break;
            case ContingencyActionKind.ReduceTraffic when phase.TrafficPercent is { } traffic && rule.TrafficPercent >= traffic:
                report($"{path}.trafficPercent", $"reduce-to {rule.TrafficPercent} is not below the phase's traffic {traffic}");
                break;
            case ContingencyActionKind.MonitorClosely:
                RequirePositive(rule.Duration, $"{path}.for", "a monitoring duration", report);
                break;
            default:
                break;
        }

        if (rule.Action is not ContingencyActionKind.ReduceTraffic && rule.TrafficPercent is not null)
        {
            report($"{path}.trafficPercent", "only reduceTraffic takes a traffic percent");
        }

        if (rule.Action is not ContingencyActionKind.MonitorClosely && rule.Duration is not null)
        {
            report($"{path}.for", "only monitorClosely takes a duration");
        }
    }

    private static void ValidateGate(GateDraft? gate, string path, Action<string, string> report)
    {
        if (gate?.Kind is not { } kind)
        {
            report(gate is null ? path : $"{path}.type", "a gate is required (autoAdvance or signOff)");
            return;
        }

        var roles = gate.Roles ?? [];
        if (kind == GateKind.SignOff && roles.Count == 0)
        {
            report($"{path}.roles", "a sign-off gate needs at least one role");
        }

        if (kind == GateKind.AutoAdvance && roles.Count > 0)
        {
            report($"{path}.roles", "an auto-advance gate takes no roles");
        }

        // A sign-off gate always waits for its leads; the option there would be a rule that does nothing.
        if (kind == GateKind.SignOff && gate.AdvanceOnWarn == true)
        {
            report($"{path}.advanceOnWarn", "only an auto-advance gate takes advanceOnWarn: a sign-off gate waits for its leads whatever the verdict");
        }

        // Only the default (true) is harmless on a gate nobody signs: false there would promise a rule that does nothing.
        if (kind == GateKind.AutoAdvance && gate.DistinctSigners == false)
        {
            report($"{path}.distinctSigners", "only a sign-off gate takes distinctSigners: nobody signs an auto-advance gate");
        }

        for (var index = 0; index < roles.Count; index++)
        {
            if (roles[index] is { } role && roles.IndexOf(role) < index)
            {
                report($"{path}.roles[{index}]", $"role {PlanJsonText.Name(role)} is listed twice");
            }
        }

        if (gate.ChecklistTemplateId is { } checklist && !IsSlug(checklist))
        {
            report($"{path}.checklistTemplateId", $"'{checklist}' is not a slug");
        }
    }

    private static void RequirePositive(TimeSpan? duration, string path, string what, Action<string, string> report)
    {
        if (duration is not { } value)
        {
            report(path, $"{what} is required");
        }
        else if (value <= TimeSpan.Zero)
        {
            report(path, $"{what} must be longer than 0 ({PlanDuration.Examples})");
        }
    }

    private static string Describe(TimeSpan offset) => offset < TimeSpan.Zero ? "-" + PlanDuration.Format(-offset) : PlanDuration.Format(offset);

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
