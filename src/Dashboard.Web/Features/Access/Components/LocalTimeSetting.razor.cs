using Dashboard.Web.Shared;
using Dashboard.Web.Shared.Time;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Dashboard.Web.Features.Access.Components;

/// <summary>
/// The user menu's local-time switch: on, it asks the browser for its time zone and keeps it with the person's
/// account, so charts and timestamps show local time beside UTC in every browser they use; off, UTC only. Shown to
/// signed-in people only: a kiosk screen or an anonymous viewer always sees UTC.
/// </summary>
public sealed partial class LocalTimeSetting
{
    /// <summary>The browser function (wwwroot/js/time-zone.js) that names the browser's IANA time zone.</summary>
    public const string BrowserZoneFunction = "warRoomTime.zone";

    private TimeDisplay _display = TimeDisplay.UtcOnly;
    private bool _person;
    private string? _problem;

    [Inject]
    public required CurrentActor CurrentActor { get; init; }

    [Inject]
    public required PersonTimeDisplay Preference { get; init; }

    [Inject]
    public required IJSRuntime Js { get; init; }

    protected override async Task OnInitializedAsync()
    {
        _person = (await CurrentActor.GetAsync()).Kind == ActorKind.Person;
        _display = await Preference.ReadAsync();
    }

    private async Task ToggleAsync(ChangeEventArgs change)
    {
        string? zone = null;
        if (change.Value is true)
        {
            zone = await Js.InvokeAsync<string?>(BrowserZoneFunction);
            if (string.IsNullOrWhiteSpace(zone))
            {
                _problem = "Your browser did not say its time zone; times stay in UTC.";
                return;
            }
        }

        // A store that does not answer keeps the setting as it was, and says so where the setting's problems show.
        string? problem = null;
        _problem = await StateStoreOutage.RefusalOfAsync(async () =>
        {
            problem = await Preference.ChooseAsync(zone);
            _display = await Preference.ReadAsync();
        }) ?? problem;
    }
}
