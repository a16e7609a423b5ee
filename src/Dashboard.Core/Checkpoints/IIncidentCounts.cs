namespace Dashboard.Core.Checkpoints;

/// <summary>
/// The counts of the criteria that do not come from InfluxDB — <c>criticalIncidents</c> and
/// <c>dataLossEvents</c> (<see cref="Plans.MetricKeys"/>) — read from the incidents the app records.
/// </summary>
public interface IIncidentCounts
{
    /// <summary>
    /// How many events of <paramref name="metricKey"/> were recorded for the rollout in
    /// [<paramref name="from"/>, <paramref name="to"/>); null when this source cannot tell
    /// (the criterion is then NO_DATA, never a pass).
    /// </summary>
    Task<long?> CountAsync(string rolloutId, string metricKey, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);
}
