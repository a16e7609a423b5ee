namespace Dashboard.Core.Metrics;

/// <summary>The time ranges a chart can show.</summary>
public enum ChartRange
{
    Last15Minutes,
    LastHour,
    Last6Hours,
    Last36Hours,
}

public static class ChartRangeExtensions
{
    public static TimeSpan Duration(this ChartRange range) => range switch
    {
        ChartRange.Last15Minutes => TimeSpan.FromMinutes(15),
        ChartRange.LastHour => TimeSpan.FromHours(1),
        ChartRange.Last6Hours => TimeSpan.FromHours(6),
        ChartRange.Last36Hours => TimeSpan.FromHours(36),
        _ => throw new ArgumentOutOfRangeException(nameof(range), range, "Unknown chart range."),
    };

    public static string Label(this ChartRange range) => range switch
    {
        ChartRange.Last15Minutes => "15 min",
        ChartRange.LastHour => "1 h",
        ChartRange.Last6Hours => "6 h",
        ChartRange.Last36Hours => "36 h",
        _ => range.ToString(),
    };
}
