using System.Text.Json;
using Dashboard.Core.Evaluation;

namespace Dashboard.Core.Plans;

/// <summary>Reads a plan file into a <see cref="PlanDraft"/>, reporting type and shape problems by path.</summary>
internal static class PlanJsonReader
{
    public static PlanDraft? Read(JsonElement root, List<PlanProblem> problems)
    {
        var fields = JsonFields.Of(root, string.Empty, problems, "id", "name", "description", "onFailedPhase", "phases");
        if (fields is null)
        {
            return null;
        }

        return new PlanDraft
        {
            Id = fields.String("id"),
            Name = fields.String("name"),
            Description = fields.String("description"),
            OnFailedPhase = fields.Object("onFailedPhase", (element, path) =>
                JsonFields.Of(element, path, problems, "holdFor", "retry") is { } policy
                    ? new FailedPhaseDraft { HoldFor = policy.Duration("holdFor"), Retry = policy.Boolean("retry") }
                    : new FailedPhaseDraft()),
            Phases = fields.Array("phases", (element, path) => ReadPhase(element, path, problems)),
        };
    }

    private static PhaseDraft ReadPhase(JsonElement element, string path, List<PlanProblem> problems)
    {
        var fields = JsonFields.Of(
            element, path, problems,
            "name", "trafficPercent", "expectedPopulation", "duration", "checkpoints", "criteria",
            "autoRollbackTriggers", "contingencyRules", "gate", "holdOnCriticalIncident");
        if (fields is null)
        {
            // Reported already; an empty draft's "required" complaints sit under the same path and are dropped.
            return new PhaseDraft();
        }

        return new PhaseDraft
        {
            Name = fields.String("name"),
            TrafficPercent = fields.Integer("trafficPercent"),
            ExpectedPopulation = fields.Text("expectedPopulation"),
            Duration = fields.Duration("duration"),
            Checkpoints = fields.Array("checkpoints", (item, itemPath) => JsonFields.Duration(item, itemPath, problems)),
            Criteria = fields.Array("criteria", (item, itemPath) => ReadCriterion(item, itemPath, problems)),
            AutoRollbackTriggers = fields.Array("autoRollbackTriggers", (item, itemPath) => ReadCondition(item, itemPath, problems)),
            ContingencyRules = fields.Array("contingencyRules", (item, itemPath) => ReadContingency(item, itemPath, problems)),
            Gate = fields.Object("gate", (item, itemPath) => ReadGate(item, itemPath, problems)),
            HoldOnCriticalIncident = fields.Boolean("holdOnCriticalIncident"),
        };
    }

    private static CriterionDraft ReadCriterion(JsonElement element, string path, List<PlanProblem> problems)
    {
        var fields = JsonFields.Of(
            element, path, problems,
            "metric", "comparator", "threshold", "warnMargin", "fromCheckpoint", "mustHaveData", "dryRun", "onInconclusive");
        return fields is null
            ? new CriterionDraft()
            : new CriterionDraft
            {
                Condition = ReadCondition(fields, problems),
                WarnMargin = fields.Number("warnMargin"),
                FromCheckpoint = fields.Duration("fromCheckpoint"),
                MustHaveData = fields.Boolean("mustHaveData"),
                DryRun = fields.Boolean("dryRun"),
                OnInconclusive = ReadInconclusiveAction(fields, problems),
            };
    }

    private static InconclusiveAction? ReadInconclusiveAction(JsonFields fields, List<PlanProblem> problems)
    {
        if (fields.String("onInconclusive") is not { } text)
        {
            return null;
        }

        if (PlanJsonText.TryParse<InconclusiveAction>(text, out var action))
        {
            return action;
        }

        problems.Add(new(fields.PathOf("onInconclusive"), $"'{text}' is not one of {PlanJsonText.Choices<InconclusiveAction>()}"));
        return null;
    }

    private static ConditionDraft ReadCondition(JsonElement element, string path, List<PlanProblem> problems)
    {
        var fields = JsonFields.Of(element, path, problems, "metric", "comparator", "threshold");
        return fields is null ? new ConditionDraft() : ReadCondition(fields, problems);
    }

    private static ConditionDraft ReadCondition(JsonFields fields, List<PlanProblem> problems)
    {
        Comparator? comparator = null;
        if (fields.String("comparator") is { } text)
        {
            if (ComparatorText.TryParse(text, out var parsed))
            {
                comparator = parsed;
            }
            else
            {
                problems.Add(new(fields.PathOf("comparator"), $"unknown comparator '{text}' (use {ComparatorText.Accepted})"));
            }
        }

        return new ConditionDraft { Metric = fields.String("metric"), Comparator = comparator, Threshold = fields.Number("threshold") };
    }

    private static ContingencyDraft ReadContingency(JsonElement element, string path, List<PlanProblem> problems)
    {
        var fields = JsonFields.Of(element, path, problems, "when", "action", "trafficPercent", "for");
        return fields is null
            ? new ContingencyDraft()
            : new ContingencyDraft
            {
                When = fields.Array("when", (item, itemPath) => ReadCondition(item, itemPath, problems)),
                Action = fields.Enum<ContingencyActionKind>("action"),
                TrafficPercent = fields.Integer("trafficPercent"),
                Duration = fields.Duration("for"),
            };
    }

    private static GateDraft ReadGate(JsonElement element, string path, List<PlanProblem> problems)
    {
        var fields = JsonFields.Of(element, path, problems, "type", "roles", "checklistTemplateId", "advanceOnWarn", "distinctSigners");
        return fields is null
            ? new GateDraft()
            : new GateDraft
            {
                Kind = fields.Enum<GateKind>("type"),
                Roles = fields.Array("roles", (item, itemPath) => JsonFields.Enum<SignOffRole>(item, itemPath, problems)),
                ChecklistTemplateId = fields.String("checklistTemplateId"),
                AdvanceOnWarn = fields.Boolean("advanceOnWarn"),
                DistinctSigners = fields.Boolean("distinctSigners"),
            };
    }
}
