using System.Text.Encodings.Web;
using System.Text.Json;

namespace Dashboard.Core.Plans;

/// <summary>Writes a plan in the file format of docs/plans.md, field by field, so the format is explicit.</summary>
internal static class PlanJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Plan files are read by people: keep "<" and ">" readable instead of \u003C.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(RolloutPlan plan)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteString("id", plan.Id);
            writer.WriteString("name", plan.Name);
            if (plan.Description is { } description)
            {
                writer.WriteString("description", description);
            }

            if (plan.OnFailedPhase is { } policy)
            {
                writer.WriteStartObject("onFailedPhase");
                writer.WriteString("holdFor", PlanDuration.Format(policy.HoldFor));
                writer.WriteBoolean("retry", policy.Retry);
                writer.WriteEndObject();
            }

            writer.WriteStartArray("phases");
            foreach (var phase in plan.Phases)
            {
                WritePhase(writer, phase);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WritePhase(Utf8JsonWriter writer, PlanPhase phase)
    {
        writer.WriteStartObject();
        writer.WriteString("name", phase.Name);
        writer.WriteNumber("trafficPercent", phase.TrafficPercent);
        if (phase.ExpectedPopulation is { } population)
        {
            writer.WriteString("expectedPopulation", population);
        }

        writer.WriteString("duration", PlanDuration.Format(phase.Duration));
        writer.WriteStartArray("checkpoints");
        foreach (var offset in phase.Checkpoints)
        {
            writer.WriteStringValue(PlanDuration.Format(offset));
        }

        writer.WriteEndArray();
        writer.WriteStartArray("criteria");
        foreach (var criterion in phase.Criteria)
        {
            writer.WriteStartObject();
            WriteCondition(writer, criterion.Criterion.Metric, criterion.Criterion.Comparator, criterion.Criterion.Threshold);
            writer.WriteNumber("warnMargin", criterion.Criterion.WarnMargin);
            if (criterion.FromCheckpoint is { } from)
            {
                writer.WriteString("fromCheckpoint", PlanDuration.Format(from));
            }

            WriteOptions(writer, criterion);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("autoRollbackTriggers");
        foreach (var trigger in phase.AutoRollbackTriggers)
        {
            WriteConditionObject(writer, trigger);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("contingencyRules");
        foreach (var rule in phase.ContingencyRules)
        {
            WriteRule(writer, rule);
        }

        writer.WriteEndArray();
        WriteGate(writer, phase.Gate);
        if (phase.HoldOnCriticalIncident)
        {
            writer.WriteBoolean("holdOnCriticalIncident", true);
        }

        writer.WriteEndObject();
    }

    // Only options that differ from the defaults are written, so plain plans stay as short as before.
    private static void WriteOptions(Utf8JsonWriter writer, PassCriterion criterion)
    {
        if (criterion.MustHaveData)
        {
            writer.WriteBoolean("mustHaveData", true);
        }

        if (criterion.DryRun)
        {
            writer.WriteBoolean("dryRun", true);
        }

        if (criterion.OnInconclusive != InconclusiveAction.Pause)
        {
            writer.WriteString("onInconclusive", PlanJsonText.Name(criterion.OnInconclusive));
        }
    }

    private static void WriteRule(Utf8JsonWriter writer, ContingencyRule rule)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("when");
        foreach (var condition in rule.When)
        {
            WriteConditionObject(writer, condition);
        }

        writer.WriteEndArray();
        writer.WriteString("action", PlanJsonText.Name(rule.Then.Kind));
        if (rule.Then.TrafficPercent is { } percent)
        {
            writer.WriteNumber("trafficPercent", percent);
        }

        if (rule.Then.Duration is { } duration)
        {
            writer.WriteString("for", PlanDuration.Format(duration));
        }

        writer.WriteEndObject();
    }

    private static void WriteGate(Utf8JsonWriter writer, PhaseGate gate)
    {
        writer.WriteStartObject("gate");
        writer.WriteString("type", PlanJsonText.Name(gate.Kind));
        if (gate.RequiredRoles.Count > 0)
        {
            writer.WriteStartArray("roles");
            foreach (var role in gate.RequiredRoles)
            {
                writer.WriteStringValue(PlanJsonText.Name(role));
            }

            writer.WriteEndArray();
        }

        if (gate.ChecklistTemplateId is { } checklist)
        {
            writer.WriteString("checklistTemplateId", checklist);
        }

        // Each written only when not its default, like the criterion options: plans without them stay as they were.
        if (gate.AdvanceOnWarn)
        {
            writer.WriteBoolean("advanceOnWarn", true);
        }

        if (!gate.DistinctSigners)
        {
            writer.WriteBoolean("distinctSigners", false);
        }

        writer.WriteEndObject();
    }

    private static void WriteConditionObject(Utf8JsonWriter writer, MetricCondition condition)
    {
        writer.WriteStartObject();
        WriteCondition(writer, condition.Metric, condition.Comparator, condition.Threshold);
        writer.WriteEndObject();
    }

    private static void WriteCondition(Utf8JsonWriter writer, string metric, Evaluation.Comparator comparator, double threshold)
    {
        writer.WriteString("metric", metric);
        writer.WriteString("comparator", ComparatorText.Format(comparator));
        writer.WriteNumber("threshold", threshold);
    }
}
