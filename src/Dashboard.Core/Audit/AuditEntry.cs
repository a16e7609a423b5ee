namespace Dashboard.Core.Audit;

/// <summary>A record with its chain hash: SHA-256 over the previous entry's hash and this record (<see cref="AuditChain"/>).</summary>
public sealed record AuditEntry(AuditRecord Record, string Hash);
