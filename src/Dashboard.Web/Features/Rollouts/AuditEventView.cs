using System.Text.Json;
using Dashboard.Infrastructure.Persistence.Audit;

namespace Dashboard.Web.Features.Rollouts;

/// <summary>One audit event as exported: the stored fields, with the payload as JSON rather than text.</summary>
public sealed record AuditEventView(long Sequence, DateTimeOffset At, string Actor, string Kind, Guid? RolloutId, JsonElement Payload, string PreviousHash, string Hash)
{
    public static AuditEventView From(AuditEventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var payload = JsonDocument.Parse(record.PayloadJson);
        return new(record.Sequence, record.At, record.Actor, record.Kind, record.RolloutId, payload.RootElement.Clone(), record.PreviousHash, record.Hash);
    }
}
