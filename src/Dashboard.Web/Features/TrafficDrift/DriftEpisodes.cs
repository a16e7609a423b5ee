namespace Dashboard.Web.Features.TrafficDrift;

/// <summary>
/// When a drift episode starts and ends, from one report and the episodes already on record (rollout → when its drift
/// began). Pure. A report that could not compare (not checked, router or state store unreadable) neither starts nor
/// ends one: not knowing is not being back in step.
/// </summary>
public static class DriftEpisodes
{
    /// <summary>The open episodes <paramref name="report"/> ends, each with how it ended.</summary>
    public static IReadOnlyList<(Guid RolloutId, DriftEnd How)> Ending(IReadOnlyDictionary<Guid, DateTimeOffset> open, TrafficDriftReport report)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(report);
        if (report.Kind is not (TrafficDriftKind.InSync or TrafficDriftKind.Drifted or TrafficDriftKind.NothingRecorded))
        {
            return [];
        }

        var ofRecord = report.Rollout?.Id;
        return
        [
            .. open.Keys
                .Where(id => id != ofRecord || report.Kind == TrafficDriftKind.InSync)
                .Select(id => (id, id == ofRecord ? DriftEnd.BackInStep : DriftEnd.NoLongerOfRecord)),
        ];
    }

    /// <summary>True when <paramref name="report"/> is a drift of a rollout with no episode open: the first sight of it.</summary>
    public static bool Starts(IReadOnlyDictionary<Guid, DateTimeOffset> open, TrafficDriftReport report)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(report);
        return report is { Kind: TrafficDriftKind.Drifted, Rollout: { } rollout } && !open.ContainsKey(rollout.Id);
    }
}
