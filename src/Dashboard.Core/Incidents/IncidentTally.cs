using Dashboard.Core.Plans;

namespace Dashboard.Core.Incidents;

/// <summary>The counts behind the incident criteria (<see cref="MetricKeys.CriticalIncidents"/>, <see cref="MetricKeys.DataLossEvents"/>).</summary>
public static class IncidentTally
{
    /// <summary>
    /// How many of <paramref name="incidents"/> count for <paramref name="metricKey"/> in
    /// [<paramref name="from"/>, <paramref name="to"/>): critical incidents open during the window, or
    /// incidents of any severity marked as data loss; null for a key that is not an incident count.
    /// </summary>
    public static long? Count(IEnumerable<IncidentSpan> incidents, string metricKey, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        Func<IncidentSpan, bool>? counts = metricKey switch
        {
            MetricKeys.CriticalIncidents => incident => incident.Severity == IncidentSeverity.Critical,
            MetricKeys.DataLossEvents => incident => incident.DataLoss,
            _ => null,
        };
        return counts is null ? null : incidents.Count(incident => counts(incident) && incident.WasOpenDuring(from, to));
    }
}
