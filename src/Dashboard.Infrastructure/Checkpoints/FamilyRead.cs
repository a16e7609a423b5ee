namespace Dashboard.Infrastructure.Checkpoints;

/// <summary>One metric family's part of a read: the sums reused from the store, and the statements sent for the rest.</summary>
internal sealed record FamilyRead(MetricFamily Family, string Shape, ReusedSums Reused, List<CheckpointStatement> Statements);
