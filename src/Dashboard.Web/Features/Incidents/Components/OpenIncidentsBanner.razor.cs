using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared.Live;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Incidents.Components;

/// <summary>
/// Every open incident, most severe first, in large type for the war-room screen; hidden when none is
/// open, and a warning — never silence — when the incident log cannot be read. Re-reads when any rollout
/// changes (an incident change publishes its rollout).
/// </summary>
public sealed partial class OpenIncidentsBanner : IDisposable
{
    private LiveReload<RolloutChanged>? _live;
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

    protected override Task OnInitializedAsync()
    {
        _live = new(Changes, _ => true, LoadAsync, InvokeAsync, StateHasChanged, DispatchExceptionAsync);
        return _live.ReloadAsync();
    }

    public void Dispose() => _live?.Dispose();

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
}
