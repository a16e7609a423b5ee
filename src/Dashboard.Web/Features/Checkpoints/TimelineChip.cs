using Dashboard.Core.Evaluation;

namespace Dashboard.Web.Features.Checkpoints;

/// <summary>
/// One checkpoint on the timeline. <see cref="Verdict"/> is null until it is evaluated; then
/// <see cref="Href"/> opens its page. <see cref="IsLate"/>: evaluated late, or due and still not
/// evaluated. <see cref="IsSkipped"/>: the phase run ended before it fell due.
/// </summary>
public sealed record TimelineChip(
    int PhaseIndex,
    TimeSpan Offset,
    string Label,
    Verdict? Verdict,
    DateTimeOffset? DueAt,
    bool IsLate,
    bool IsSkipped,
    string? Href);
