using Dashboard.Web.Features.Rollouts;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Incidents.Components;

/// <summary>
/// Every open incident, most severe first, in large type for the war-room screen; hidden when none is
/// open, and a warning — never silence — when the incident log cannot be read. Re-reads when any rollout
/// changes (an incident change publishes its rollout).
/// </summary>
public sealed partial class OpenIncidentsBanner : IDisposable
{
    private IReadOnlyList<IncidentView> _open = [];
    private string? _unreadable;

    [Inject]
    public required IncidentService Incidents { get; init; }

    [Inject]
    public required RolloutChangeFeed Changes { get; init; }

    [Inject]
    public required TimeProvider Time { get; init; }

    [Inject]
    public required ILogger<OpenIncidentsBanner> Logger { get; init; }

    protected override async Task OnInitializedAsync()
    {
        Changes.Changed += OnChanged;
        await LoadAsync();
    }

    public void Dispose() => Changes.Changed -= OnChanged;

    private async Task LoadAsync()
    {
        try
        {
            _open = await Incidents.ListOpenAsync();
            _unreadable = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogWarning(ex, "The open incidents could not be read for the war-room screen");
            _unreadable = ex.Message;
        }
    }

    // Raised on the thread that saved the change: hop onto the renderer before touching state.
    private void OnChanged(RolloutChanged change) => _ = InvokeAsync(async () =>
    {
        await LoadAsync();
        StateHasChanged();
    });
}
