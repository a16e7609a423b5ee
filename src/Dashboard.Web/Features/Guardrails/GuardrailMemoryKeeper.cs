using System.Text.Json;
using Dashboard.Infrastructure.Persistence;

namespace Dashboard.Web.Features.Guardrails;

/// <summary>
/// Reads and writes the poll loop's <see cref="GuardrailMemory"/> through <see cref="GuardrailMemoryStore"/>: read
/// whole at every poll (the store is the truth, so a new lease holder goes on from the last one), written only when
/// it changed. A row that cannot be read back is logged and treated as absent: that rollout starts from nothing, as
/// it did before memories were kept. Not thread-safe: the poll loop owns it.
/// </summary>
public sealed partial class GuardrailMemoryKeeper(GuardrailMemoryStore store, ILogger<GuardrailMemoryKeeper> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<Guid, string> saved = [];

    /// <summary>Every rollout's memory as stored now.</summary>
    public async Task<IReadOnlyDictionary<Guid, GuardrailMemory>> LoadAsync(CancellationToken cancellationToken)
    {
        var records = await store.LoadMemoriesAsync(cancellationToken);
        saved.Clear();
        var memories = new Dictionary<Guid, GuardrailMemory>(records.Count);
        foreach (var record in records)
        {
            saved[record.RolloutId] = record.StateJson;
            try
            {
                if (JsonSerializer.Deserialize<GuardrailMemory>(record.StateJson, Json) is { } memory)
                {
                    memories[record.RolloutId] = memory;
                }
            }
            catch (JsonException ex)
            {
                LogUnreadable(ex, record.RolloutId);
            }
        }

        return memories;
    }

    /// <summary>Stores the rollout's memory unless it is what was read or written last.</summary>
    public async Task SaveAsync(Guid rolloutId, GuardrailMemory memory, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(memory, Json);
        if (saved.TryGetValue(rolloutId, out var known) && string.Equals(known, json, StringComparison.Ordinal))
        {
            return;
        }

        await store.SaveMemoryAsync(rolloutId, json, cancellationToken);
        saved[rolloutId] = json;
    }

    /// <summary>Deletes the memories of rollouts no longer watched.</summary>
    public async Task ForgetAsync(IReadOnlyCollection<Guid> rolloutIds, CancellationToken cancellationToken)
    {
        await store.DeleteMemoriesAsync(rolloutIds, cancellationToken);
        foreach (var id in rolloutIds)
        {
            saved.Remove(id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The guardrails' memory of rollout {RolloutId} cannot be read back; its streaks start from nothing")]
    private partial void LogUnreadable(Exception exception, Guid rolloutId);
}
