using System.Globalization;
using Dashboard.Core.Plans;

namespace Dashboard.Web.Features.Summaries;

/// <summary>
/// A moment of a phase run that gets an executive summary (docs/summaries.md): 8 h, 24 h and 36 h into a phase
/// planned for 24 h or more, and the moment the phase ended (on time or early). <see cref="Offset"/> is planned
/// time (scaled by <c>Rollout:TimeScale</c> like checkpoints); null for the end, whose time is the phase's.
/// </summary>
public sealed record SummaryMilestone(string Key, TimeSpan? Offset)
{
    public const string EndKey = "end";

    /// <summary>Phases planned at least this long get the in-phase milestones.</summary>
    public static TimeSpan LongPhase { get; } = TimeSpan.FromHours(24);

    private static readonly int[] InPhaseHours = [8, 24, 36];

    public static SummaryMilestone PhaseEnd { get; } = new(EndKey, null);

    public bool IsPhaseEnd => Offset is null;

    /// <summary>
    /// The in-phase milestones of <paramref name="phase"/>, up to its planned end: a 24 h phase gets 8 h and 24 h, and the
    /// 24 h one is written on time even when the phase then waits hours at its gate before it ends.
    /// </summary>
    public static IReadOnlyList<SummaryMilestone> InPhase(PlanPhase phase)
    {
        ArgumentNullException.ThrowIfNull(phase);
        return phase.Duration < LongPhase
            ? []
            : [.. InPhaseHours.Select(hours => TimeSpan.FromHours(hours)).Where(offset => offset <= phase.Duration).Select(At)];
    }

    /// <summary>The milestone with <paramref name="key"/> ("8h", "24h", "36h", "end"), or null.</summary>
    public static SummaryMilestone? Parse(string key) =>
        key == EndKey ? PhaseEnd
        : key.EndsWith('h') && int.TryParse(key[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var hours) && InPhaseHours.Contains(hours)
            ? At(TimeSpan.FromHours(hours))
            : null;

    /// <summary>People's title, e.g. "8 h into soak" or "End of canary".</summary>
    public string Title(string phaseName) => Offset is { } offset
        ? string.Create(CultureInfo.InvariantCulture, $"{offset.TotalHours:0} h into {phaseName}")
        : $"End of {phaseName}";

    private static SummaryMilestone At(TimeSpan offset) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{offset.TotalHours:0}h"), offset);
}
