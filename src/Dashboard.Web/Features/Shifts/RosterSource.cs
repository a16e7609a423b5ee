namespace Dashboard.Web.Features.Shifts;

/// <summary>Where a shift's roster comes from.</summary>
public enum RosterSource
{
    /// <summary>Nobody is assigned.</summary>
    None,

    /// <summary>The pattern's default (for every day or for the shift's weekday).</summary>
    Default,

    /// <summary>A one-off override for this shift.</summary>
    Override,
}
