using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Shifts.Components;

/// <summary>Who is on a shift, in words.</summary>
public sealed partial class ShiftRosterCard
{
    /// <summary>The shift's roster.</summary>
    [Parameter, EditorRequired]
    public required ShiftRoster Roster { get; set; }

    private string SourceText => Roster.Source switch
    {
        RosterSource.Override => "a one-off override for this shift",
        RosterSource.Default => "the shift's default roster",
        _ => "nobody is rostered",
    };
}
