using Dashboard.Core.Evaluation;

namespace Dashboard.Core.Plans;

/// <summary>Between plans and drafts. <see cref="ToPlan"/> expects a draft that passed validation.</summary>
internal static class PlanDraftMapping
{
    public static PlanDraft ToDraft(RolloutPlan plan) => new()
    {
        Id = plan.Id,
        Name = plan.Name,
        Description = plan.Description,
        Phases = plan.Phases?.Select(ToDraft).ToList(),
        OnFailedPhase = plan.OnFailedPhase is { } policy ? new() { HoldFor = policy.HoldFor, Retry = policy.Retry } : null,
    };

    public static RolloutPlan ToPlan(PlanDraft draft) => new(
        draft.Id!,
        draft.Name!,
        draft.Description,
        [.. draft.Phases!.Select(ToPhase)],
        draft.OnFailedPhase is { } policy ? new FailedPhasePolicy(policy.HoldFor!.Value, policy.Retry ?? false) : null);

    private static PhaseDraft ToDraft(PlanPhase phase) => new()
    {
        Name = phase.Name,
        TrafficPercent = phase.TrafficPercent,
        ExpectedPopulation = phase.ExpectedPopulation,
        Duration = phase.Duration,
        Checkpoints = phase.Checkpoints?.Select(offset => (TimeSpan?)offset).ToList(),
        Criteria = phase.Criteria?.Select(criterion => new CriterionDraft
        {
            Condition = ToDraft(criterion.Criterion.Metric, criterion.Criterion.Comparator, criterion.Criterion.Threshold),
            WarnMargin = criterion.Criterion.WarnMargin,
            FromCheckpoint = criterion.FromCheckpoint,
            MustHaveData = criterion.MustHaveData,
            DryRun = criterion.DryRun,
            OnInconclusive = criterion.OnInconclusive,
        }).ToList(),
        AutoRollbackTriggers = phase.AutoRollbackTriggers?.Select(ToDraft).ToList(),
        ContingencyRules = phase.ContingencyRules?.Select(rule => new ContingencyDraft
        {
            When = rule.When?.Select(ToDraft).ToList(),
            Action = rule.Then?.Kind,
            TrafficPercent = rule.Then?.TrafficPercent,
            Duration = rule.Then?.Duration,
        }).ToList(),
        Gate = phase.Gate is { } gate
            ? new()
            {
                Kind = gate.Kind,
                Roles = gate.RequiredRoles?.Select(role => (SignOffRole?)role).ToList(),
                ChecklistTemplateId = gate.ChecklistTemplateId,
                AdvanceOnWarn = gate.AdvanceOnWarn,
                DistinctSigners = gate.DistinctSigners,
            }
            : null,
        HoldOnCriticalIncident = phase.HoldOnCriticalIncident,
    };

    private static ConditionDraft ToDraft(MetricCondition condition) => ToDraft(condition.Metric, condition.Comparator, condition.Threshold);

    private static ConditionDraft ToDraft(string metric, Comparator comparator, double threshold) =>
        new() { Metric = metric, Comparator = comparator, Threshold = threshold };

    private static PlanPhase ToPhase(PhaseDraft draft) => new(
        draft.Name!,
        draft.TrafficPercent!.Value,
        draft.ExpectedPopulation,
        draft.Duration!.Value,
        [.. draft.Checkpoints!.Select(offset => offset!.Value)],
        [.. draft.Criteria!.Select(criterion => new PassCriterion(
            new Criterion(criterion.Condition.Metric!, criterion.Condition.Comparator!.Value, criterion.Condition.Threshold!.Value, criterion.WarnMargin ?? 0),
            criterion.FromCheckpoint)
        {
            MustHaveData = criterion.MustHaveData ?? false,
            DryRun = criterion.DryRun ?? false,
            OnInconclusive = criterion.OnInconclusive ?? InconclusiveAction.Pause,
        })],
        [.. (draft.AutoRollbackTriggers ?? []).Select(ToCondition)],
        [.. (draft.ContingencyRules ?? []).Select(rule => new ContingencyRule(
            [.. rule.When!.Select(ToCondition)],
            new ContingencyAction(rule.Action!.Value, rule.TrafficPercent, rule.Duration)))],
        new PhaseGate(draft.Gate!.Kind!.Value, [.. (draft.Gate.Roles ?? []).Select(role => role!.Value)], draft.Gate.ChecklistTemplateId)
        {
            AdvanceOnWarn = draft.Gate.AdvanceOnWarn ?? false,
            DistinctSigners = draft.Gate.DistinctSigners ?? true,
        })
    {
        HoldOnCriticalIncident = draft.HoldOnCriticalIncident ?? false,
    };

    private static MetricCondition ToCondition(ConditionDraft draft) =>
        new(draft.Metric!, draft.Comparator!.Value, draft.Threshold!.Value);
}
