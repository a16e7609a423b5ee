namespace Dashboard.Core.Plans;

// The plan as read, before validation: every field may be missing. PlanJsonReader fills it from
// JSON, PlanValidator checks it, and only a draft without problems becomes a RolloutPlan — so
// the same rules hold for JSON files, POST /api/plans and plans built in code.
internal sealed class PlanDraft
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public List<PhaseDraft>? Phases { get; set; }
    public FailedPhaseDraft? OnFailedPhase { get; set; }
}

internal sealed class PhaseDraft
{
    public string? Name { get; set; }
    public int? TrafficPercent { get; set; }
    public string? ExpectedPopulation { get; set; }
    public TimeSpan? Duration { get; set; }
    public List<TimeSpan?>? Checkpoints { get; set; }
    public List<CriterionDraft>? Criteria { get; set; }
    public List<ConditionDraft>? AutoRollbackTriggers { get; set; }
    public List<ContingencyDraft>? ContingencyRules { get; set; }
    public GateDraft? Gate { get; set; }
    public bool? HoldOnCriticalIncident { get; set; }
}

internal sealed class CriterionDraft
{
    public ConditionDraft Condition { get; set; } = new();
    public double? WarnMargin { get; set; }
    public TimeSpan? FromCheckpoint { get; set; }
    public bool? MustHaveData { get; set; }
    public bool? DryRun { get; set; }
    public InconclusiveAction? OnInconclusive { get; set; }
}

internal sealed class ConditionDraft
{
    public string? Metric { get; set; }
    public Evaluation.Comparator? Comparator { get; set; }
    public double? Threshold { get; set; }
}

internal sealed class ContingencyDraft
{
    public List<ConditionDraft>? When { get; set; }
    public ContingencyActionKind? Action { get; set; }
    public int? TrafficPercent { get; set; }
    public TimeSpan? Duration { get; set; }
}

internal sealed class GateDraft
{
    public GateKind? Kind { get; set; }
    public List<SignOffRole?>? Roles { get; set; }
    public string? ChecklistTemplateId { get; set; }
    public bool? AdvanceOnWarn { get; set; }
    public bool? DistinctSigners { get; set; }
}

internal sealed class FailedPhaseDraft
{
    public TimeSpan? HoldFor { get; set; }
    public bool? Retry { get; set; }
}
