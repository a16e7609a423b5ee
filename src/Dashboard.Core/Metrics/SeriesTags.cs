namespace Dashboard.Core.Metrics;

/// <summary>
/// The grouping tags of a series exactly as stored (<c>cohort</c>, <c>segment</c>, <c>region</c>);
/// an absent tag is the empty string, as InfluxDB reports it.
/// </summary>
public readonly record struct SeriesTags(string Cohort, string Segment, string Region);
