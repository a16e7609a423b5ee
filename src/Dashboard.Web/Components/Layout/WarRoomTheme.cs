using MudBlazor;

namespace Dashboard.Web.Components.Layout;

/// <summary>
/// The dark, high-contrast theme used on every page and on war-room TVs. Every text colour meets WCAG AA (4.5:1)
/// on the backgrounds it is drawn on, disabled controls included (docs/accessibility.md): the filled buttons'
/// colours are light, so their text is dark, and disabled text is a solid grey rather than MudBlazor's 20–26 %
/// white (1.9:1 on a read-only checklist).
/// </summary>
public static class WarRoomTheme
{
    // The page background: 5.8:1 or more on every filled colour above (white on them was 2.0–3.2:1).
    private const string DarkText = "#0f1115";

    // 5.7:1 on the disabled buttons' background, 6.9:1 on panels.
    private const string DisabledText = "#9ea5b1";

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
            Info = "#5b8def",
            PrimaryContrastText = DarkText,
            SecondaryContrastText = DarkText,
            SuccessContrastText = DarkText,
            WarningContrastText = DarkText,
            ErrorContrastText = DarkText,
            InfoContrastText = DarkText,
            TextDisabled = DisabledText,
            ActionDisabled = DisabledText,
            ActionDisabledBackground = "#262b36",
        },
    };
}
