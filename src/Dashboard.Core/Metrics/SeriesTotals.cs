namespace Dashboard.Core.Metrics;

/// <summary>The window totals of the series sharing one set of grouping tags.</summary>
public sealed record SeriesTotals(SeriesTags Tags, WindowTotals Totals);
