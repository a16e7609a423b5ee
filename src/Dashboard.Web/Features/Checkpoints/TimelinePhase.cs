namespace Dashboard.Web.Features.Checkpoints;

/// <summary>A phase on the checkpoint timeline with its chips in plan order.</summary>
public sealed record TimelinePhase(int Index, string Name, bool IsCurrent, IReadOnlyList<TimelineChip> Chips);
