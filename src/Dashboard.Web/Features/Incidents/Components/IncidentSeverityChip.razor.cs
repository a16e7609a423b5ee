using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Incidents.Components;

/// <summary>An incident's severity as a chip: critical in the FAIL colour, high in the WARN colour, low neutral.</summary>
public sealed partial class IncidentSeverityChip
{
    /// <summary>Low, High or Critical.</summary>
    [Parameter, EditorRequired]
    public string Severity { get; set; } = string.Empty;

    private string CssClass => Severity switch
    {
        "Critical" => "verdict-fail",
        "High" => "verdict-warn",
        _ => "verdict-nodata",
    };
}
