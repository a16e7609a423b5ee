namespace Dashboard.Web.Features.Shifts;

/// <summary>The <c>Shifts</c> section: the daily shift pattern and the handoff's timing (docs/shifts.md).</summary>
public sealed class ShiftOptions
{
    public const string SectionName = "Shifts";

    /// <summary>The day's shifts in order; together they cover 24 hours without gap or overlap. Default: three 8-hour UTC shifts from 00:00.</summary>
    public List<ShiftPattern> Patterns { get; set; } = [];

    /// <summary>How long before a shift ends its handoff may be written.</summary>
    public TimeSpan HandoffOpensBefore { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long after the shift change an unacknowledged handoff is flagged and sent to the webhook.</summary>
    public TimeSpan AcknowledgeWithin { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the app looks for an unacknowledged handoff.</summary>
    public TimeSpan OverdueCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The patterns in force: the configured ones, or the default three when none are configured.</summary>
    public IReadOnlyList<ShiftPattern> EffectivePatterns => Patterns.Count > 0 ? Patterns : DefaultPatterns;

    private static readonly ShiftPattern[] DefaultPatterns =
    [
        new() { Name = "night", Start = TimeSpan.Zero, Length = TimeSpan.FromHours(8) },
        new() { Name = "day", Start = TimeSpan.FromHours(8), Length = TimeSpan.FromHours(8) },
        new() { Name = "evening", Start = TimeSpan.FromHours(16), Length = TimeSpan.FromHours(8) },
    ];
}
