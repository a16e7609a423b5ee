namespace Dashboard.Infrastructure.Persistence;

/// <summary>The sign-offs and checklist ticks of one phase run, each oldest first.</summary>
public sealed record GateRecords(IReadOnlyList<SignOffRecord> SignOffs, IReadOnlyList<ChecklistTickRecord> Ticks)
{
    public static GateRecords None { get; } = new([], []);
}
