using Dashboard.Core.Evaluation;
using Dashboard.Web.Shared.Live;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Rollouts.Components;

/// <summary>
/// Gives a live page the thresholds of the rollout it follows (<see cref="FollowedRollouts"/>) and,
/// with several running, a selector that puts <c>?rollout={id}</c> in the address. Re-reads after
/// every saved change of any rollout, so a phase advance brings its thresholds at once.
/// </summary>
public sealed partial class FollowedPhaseScope : IDisposable
{
    private static readonly FollowedPhase Reading = new([], null, PhaseThresholds.None("Reading which rollout is running…"));

    private FollowedPhase _followed = Reading;
    private LiveReload<RolloutChanged>? _live;
    private bool _read;
    private Guid? _readFor;

    [Inject]
    public required FollowedRollouts Followed { get; init; }

    [Inject]
    public required RolloutChangeFeed Changes { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required ILogger<FollowedPhaseScope> Logger { get; init; }

    /// <summary>The rollout asked for (<c>?rollout={id}</c>); null follows the most recently started running one.</summary>
    [Parameter]
    public Guid? RolloutId { get; set; }

    /// <summary>
    /// The page content, given the rollout followed (null when none runs) and the thresholds to judge by: every
    /// panel of the page shows that same rollout.
    /// </summary>
    [Parameter, EditorRequired]
    public required RenderFragment<FollowedPhase> ChildContent { get; set; }

    // Any rollout's change may start, end or move the one followed.
    protected override void OnInitialized() =>
        _live = new(Changes, _ => true, ReloadAsync, InvokeAsync, StateHasChanged, DispatchExceptionAsync);

    // The page re-renders every second for its clock; only a new ?rollout= (or the first render) reads the store.
    protected override Task OnParametersSetAsync()
    {
        if (_read && RolloutId == _readFor)
        {
            return Task.CompletedTask;
        }

        _readFor = RolloutId;
        return _live!.ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        try
        {
            _followed = await Followed.ReadAsync(RolloutId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogUnreadable(Logger, ex);
            _followed = new FollowedPhase([], null, PhaseThresholds.None("Rollouts could not be read — no thresholds until they can"));
        }

        _read = true;
    }

    private void Select(ChangeEventArgs change)
    {
        if (Guid.TryParse(change.Value?.ToString(), out var id))
        {
            Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("rollout", id));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live page could not read which rollout is running; its tiles show no thresholds")]
    private static partial void LogUnreadable(ILogger logger, Exception exception);

    public void Dispose() => _live?.Dispose();
}
