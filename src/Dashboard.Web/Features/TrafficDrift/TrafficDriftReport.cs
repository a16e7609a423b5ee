using System.Globalization;
using Dashboard.Core.Routing;

namespace Dashboard.Web.Features.TrafficDrift;

/// <summary>
/// One comparison of the router's actual split with the recorded weight. Drifted means
/// <c>!Observed.IsExactly(RecordedPercent)</c>, the same integer rule that confirms a traffic change.
/// </summary>
/// <param name="Kind">What the check found.</param>
/// <param name="CheckedAt">When the check started; null before the first check.</param>
/// <param name="Router">The router's name, e.g. "HAProxy analyzer (baseline/canary)".</param>
/// <param name="Observed">The router's split, or null when it was not read.</param>
/// <param name="RecordedPercent">The canary weight the rollout of record wants, or null.</param>
/// <param name="Rollout">The most recently started rollout, or null.</param>
/// <param name="Message">One sentence for people.</param>
public sealed record TrafficDriftReport(
    TrafficDriftKind Kind,
    DateTimeOffset? CheckedAt,
    string Router,
    TrafficWeights? Observed,
    int? RecordedPercent,
    RolloutOfRecord? Rollout,
    string Message)
{
    /// <summary>True when a reconcile may help: a rollout is on record and the router drifted or could not be read.</summary>
    public bool CanReconcile => Rollout is not null && Kind is TrafficDriftKind.Drifted or TrafficDriftKind.RouterUnreadable;

    public static TrafficDriftReport NotChecked(string router) =>
        new(TrafficDriftKind.NotChecked, null, router, null, null, null, $"{router} has not been checked against the recorded weight yet.");

    public static TrafficDriftReport StateUnreadable(DateTimeOffset at, string router, string problem) =>
        new(TrafficDriftKind.StateUnreadable, at, router, null, null, null, $"The state store could not be read, so the recorded weight is unknown: {problem}");

    public static TrafficDriftReport RouterUnreadable(DateTimeOffset at, string router, RolloutOfRecord? rollout, int? recorded, string problem) =>
        new(TrafficDriftKind.RouterUnreadable, at, router, null, recorded, rollout, $"{router} could not be read: {problem}");

    public static TrafficDriftReport NothingRecorded(DateTimeOffset at, string router, TrafficWeights observed) =>
        new(TrafficDriftKind.NothingRecorded, at, router, observed, null, null, $"No rollout has started, so no weight is recorded to compare; {router} runs {observed}.");

    /// <summary>InSync or Drifted, by the read-back rule.</summary>
    public static TrafficDriftReport Compared(DateTimeOffset at, string router, TrafficWeights observed, RolloutOfRecord rollout, int recorded)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(rollout);
        var name = $"{rollout.Service} {rollout.CandidateVersion}";
        return observed.IsExactly(recorded)
            ? new(TrafficDriftKind.InSync, at, router, observed, recorded, rollout, Invariant($"{router} runs {observed}, as recorded for {name}."))
            : new(
                TrafficDriftKind.Drifted, at, router, observed, recorded, rollout,
                Invariant($"{router} runs {observed}, but {name} records {recorded} % canary; nothing was changed — reconcile to re-apply {recorded} %."));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
