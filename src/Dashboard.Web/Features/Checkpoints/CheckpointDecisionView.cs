using System.Text.Json;
using Dashboard.Infrastructure.Persistence;

namespace Dashboard.Web.Features.Checkpoints;

/// <summary>A recorded checkpoint decision as the page and the API show it.</summary>
public sealed record CheckpointDecisionView(
    Guid Id,
    string Decision,
    string Notes,
    IReadOnlyList<CheckpointActionItem> ActionItems,
    string DecidedBy,
    DateTimeOffset DecidedAt)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static CheckpointDecisionView From(CheckpointDecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var items = JsonSerializer.Deserialize<List<CheckpointActionItem>>(record.ActionItemsJson, Json) ?? [];
        return new(record.Id, record.Decision, record.Notes, items, record.DecidedBy, record.DecidedAt);
    }
}
