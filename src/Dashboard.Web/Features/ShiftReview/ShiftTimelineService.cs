using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Web.Features.Shifts;

namespace Dashboard.Web.Features.ShiftReview;

/// <summary>
/// Everything that happened in a window across every rollout, newest first (docs/shift-review.md): read from the
/// audit log with one bounded query over the window (only the kinds that have an entry) plus one for the
/// rollouts' names, whatever the number of events.
/// </summary>
public sealed class ShiftTimelineService(AuditWindowQuery audit, RolloutStore rollouts)
{
    /// <param name="from">The window's start, included.</param>
    /// <param name="to">The window's end, excluded.</param>
    /// <param name="rolloutId">Only this rollout's entries, when given.</param>
    /// <param name="kind">Only entries of this kind, when given.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<IReadOnlyList<TimelineEntry>> ReadAsync(
        DateTimeOffset from, DateTimeOffset to, Guid? rolloutId = null, TimelineKind? kind = null, CancellationToken cancellationToken = default)
    {
        var recorded = await audit.ReadAsync(from, to, TimelineEntryBuilder.AuditKinds, rolloutId, cancellationToken);
        var names = await NamesAsync(cancellationToken);
        return [.. Entries(recorded, names).Where(e => kind is null || e.Kind == kind).OrderByDescending(e => e.Sequence)];
    }

    /// <summary>Everything that happened in <paramref name="shift"/>'s window, newest first.</summary>
    public Task<IReadOnlyList<TimelineEntry>> ReadAsync(ShiftWindow shift, Guid? rolloutId = null, TimelineKind? kind = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shift);
        return ReadAsync(shift.Start, shift.End, rolloutId, kind, cancellationToken);
    }

    /// <summary>The entries of <paramref name="recorded"/> (in sequence order), near-misses folded, oldest first.</summary>
    public static IEnumerable<TimelineEntry> Entries(IReadOnlyList<AuditEventRecord> recorded, IReadOnlyDictionary<Guid, string> names) =>
        NearMissFolding.Fold(recorded)
            .Select(e => TimelineEntryBuilder.From(e, e.RolloutId is { } id && names.TryGetValue(id, out var name) ? name : "no rollout"))
            .OfType<TimelineEntry>();

    /// <summary>Every rollout's name in words, e.g. "analyzer 1.5.0".</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(CancellationToken cancellationToken = default) =>
        (await rollouts.ListAsync(cancellationToken)).ToDictionary(r => r.Id, r => $"{r.Service} {r.CandidateVersion}");
}
