using System.Runtime.ExceptionServices;
using Dashboard.Infrastructure.Persistence;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Health.Components;

/// <summary>
/// Around every page's body (both layouts): a read that meets an unreachable state store (<see cref="Dashboard.Infrastructure.Persistence.StateStoreUnreachable"/>)
/// while the page loads, renders or handles a click — a page opened during the outage, a pager, a filter — shows a
/// notice here instead of ending the circuit, so the page (a war-room TV too) needs no touch. The page loads again by
/// itself once the store answers: when <see cref="DependencyWatch"/> says so, or at its next check when the outage was
/// too short for it to see. Actions that write guard their own forms (<see cref="Shared.StateStoreOutage"/>), so what
/// a person typed is kept; this is the net for what they miss. Any other exception ends the circuit, as without it.
/// </summary>
public sealed partial class StateStoreOutageBoundary : IDisposable
{
    private ITimer? _retry;

    [Inject]
    public required DependencyWatch Watch { get; init; }

    [Inject]
    public required TimeProvider Clock { get; init; }

    [Inject]
    public required ILogger<StateStoreOutageBoundary> Logger { get; init; }

    /// <summary>For the war-room TV: no button, it recovers by itself.</summary>
    [Parameter]
    public bool ReadOnly { get; set; }

    protected override void OnInitialized() => Watch.Changed += OnDependenciesChanged;

    protected override Task OnErrorAsync(Exception exception)
    {
        if (!StateStoreUnreachable.Is(exception))
        {
            // Not an outage: thrown back to the renderer, which ends the circuit as it would without this boundary.
            ExceptionDispatchInfo.Capture(exception).Throw();
        }

        LogPageWaits(Logger, exception.GetBaseException().Message);
        _retry ??= Clock.CreateTimer(_ => _ = InvokeAsync(TryAgainIfTheStoreAnswers), null, DependencyWatch.Interval, DependencyWatch.Interval);
        return Task.CompletedTask;
    }

    private void OnDependenciesChanged(IReadOnlyList<DependencyProblem> problems) => _ = InvokeAsync(TryAgainIfTheStoreAnswers);

    private void TryAgainIfTheStoreAnswers()
    {
        if (CurrentException is not null && !Watch.StateStoreUnreachable)
        {
            TryAgain();
        }
    }

    /// <summary>Renders the page again; if the store still does not answer, the notice comes back.</summary>
    private void TryAgain()
    {
        _retry?.Dispose();
        _retry = null;
        Recover();
    }

    public void Dispose()
    {
        Watch.Changed -= OnDependenciesChanged;
        _retry?.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A page could not read the state store ({Reason}); it shows a notice and loads again once the store answers")]
    private static partial void LogPageWaits(ILogger logger, string reason);
}
