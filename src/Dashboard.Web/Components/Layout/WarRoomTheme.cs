using MudBlazor;

namespace Dashboard.Web.Components.Layout;

/// <summary>The dark, high-contrast theme used on every page and on war-room TVs.</summary>
public static class WarRoomTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteDark = new PaletteDark
        {
            Primary = "#5b8def",
            Background = "#0f1115",
            TextPrimary = "#e8eaed",
            TextSecondary = "#9aa3b2",
            ActionDefault = "#c9ced6",
            Surface = "#181b22",
            AppbarBackground = "#181b22",
            Success = "#2ecc71",
            Warning = "#f5a623",
            Error = "#ff5252",
        },
    };
}
