using System.Text.Json;
using Dashboard.Infrastructure.Persistence;

namespace Dashboard.Web.Features.Summaries;

/// <summary>How a summary is stored and served: the checkpoint verdicts' JSON (camelCase, enums as names).</summary>
public static class SummaryJson
{
    public static JsonSerializerOptions Options => CheckpointVerdictStore.Json;

    public static ExecutiveSummary Read(ExecutiveSummaryRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return JsonSerializer.Deserialize<ExecutiveSummary>(record.ContentJson, Options)
            ?? throw new InvalidOperationException($"Executive summary {record.Id} has no content.");
    }
}
