namespace Dashboard.Core.Audit;

/// <summary>
/// A record with its chain hash (<see cref="AuditChain"/>): HMAC-SHA256 with the key named by
/// <see cref="KeyId"/>, or plain SHA-256 when <see cref="KeyId"/> is null (records chained before keying).
/// </summary>
public sealed record AuditEntry(AuditRecord Record, string Hash, string? KeyId = null);
