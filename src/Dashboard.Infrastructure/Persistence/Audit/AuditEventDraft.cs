using System.Text.Json;
using Dashboard.Core.Rollouts;
using Dashboard.Core.Rollouts.Events;

namespace Dashboard.Infrastructure.Persistence.Audit;

/// <summary>
/// An audit event before the log gives it a sequence, a time and its place in the chain: who did
/// it, a dotted kind such as <c>traffic.changeRequested</c>, the rollout it concerns (if any) and
/// the payload as the exact JSON text that will be stored and hashed.
/// </summary>
public sealed record AuditEventDraft(string Actor, string Kind, Guid? RolloutId, string PayloadJson)
{
    private static readonly JsonSerializerOptions PayloadOptions = new(JsonSerializerDefaults.Web);

    /// <summary>A rollout's domain event, under its own kind, with the payload Core defines for it.</summary>
    public static AuditEventDraft For(RolloutEvent rolloutEvent)
    {
        ArgumentNullException.ThrowIfNull(rolloutEvent);
        return new(rolloutEvent.Actor, rolloutEvent.Kind, rolloutEvent.RolloutId, RolloutEventJson.Serialize(rolloutEvent));
    }

    /// <summary>Anything else that changes state, with <paramref name="payload"/> serialised as camelCase JSON.</summary>
    public static AuditEventDraft For(string actor, string kind, Guid? rolloutId, object payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return new(actor, kind, rolloutId, JsonSerializer.Serialize(payload, payload.GetType(), PayloadOptions));
    }
}
