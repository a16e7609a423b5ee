namespace Dashboard.Web.Features.Shifts;

/// <summary>One shift of the daily pattern (<c>Shifts:Patterns</c>): its name and its UTC start and length (docs/shifts.md).</summary>
public sealed class ShiftPattern
{
    /// <summary>What people call it, e.g. "night"; unique, lower case letters, digits and dashes.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Time of day (UTC) it starts, e.g. <c>08:00:00</c>.</summary>
    public TimeSpan Start { get; set; }

    /// <summary>How long it lasts, e.g. <c>08:00:00</c>.</summary>
    public TimeSpan Length { get; set; }
}
