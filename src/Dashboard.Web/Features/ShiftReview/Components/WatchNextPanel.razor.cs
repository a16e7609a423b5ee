using Dashboard.Web.Features.Guardrails;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared.Live;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.ShiftReview.Components;

/// <summary>
/// What the next shift [<see cref="NextFrom"/>, <see cref="NextTo"/>) must watch. Re-read after every saved change of
/// any rollout, and when the guardrails' blind or streak state changes (not at every poll: the poll's other news is
/// ignored).
/// </summary>
public sealed partial class WatchNextPanel : IDisposable
{
    private LiveReload<RolloutChanged>? _live;
    private WatchNext? _watch;
    private (DateTimeOffset, DateTimeOffset)? _loadedFor;
    private string _guardrailsSeen = "";

    [Inject]
    public required WatchNextService WatchNext { get; init; }

    [Inject]
    public required RolloutChangeFeed Changes { get; init; }

    [Inject]
    public required GuardrailStatusBoard Guardrails { get; init; }

    /// <summary>The next shift's start.</summary>
    [Parameter, EditorRequired]
    public DateTimeOffset NextFrom { get; set; }

    /// <summary>The next shift's end.</summary>
    [Parameter, EditorRequired]
    public DateTimeOffset NextTo { get; set; }

    protected override void OnInitialized()
    {
        _live = new(Changes, _ => true, LoadAsync, InvokeAsync, StateHasChanged, DispatchExceptionAsync);
        Guardrails.Changed += OnGuardrails;
    }

    protected override Task OnParametersSetAsync() => _loadedFor == (NextFrom, NextTo) ? Task.CompletedTask : _live!.ReloadAsync();

    public void Dispose()
    {
        Guardrails.Changed -= OnGuardrails;
        _live?.Dispose();
    }

    private async Task LoadAsync()
    {
        var window = (NextFrom, NextTo);
        _guardrailsSeen = Signature(Guardrails.Current);
        _watch = await WatchNext.ReadAsync(NextFrom, NextTo);
        _loadedFor = window;
    }

    // Raised at every poll: re-read only when what watch-next shows of the guardrails changed.
    private void OnGuardrails(GuardrailStatus status)
    {
        if (Signature(status) != Volatile.Read(ref _guardrailsSeen))
        {
            _ = InvokeAsync(async () =>
            {
                try
                {
                    await _live!.ReloadAsync();
                    StateHasChanged();
                }
                catch (Exception ex)
                {
                    await DispatchExceptionAsync(ex);
                }
            });
        }
    }

    private static string Signature(GuardrailStatus status) => string.Join(';', status.Rollouts.Select(r =>
        $"{r.RolloutId}:{r.BlindSince?.UtcTicks}:{string.Join(',', r.Rules.Where(rule => rule.Streak > 0).Select(rule => $"{rule.RuleId}={rule.Streak}"))}"));
}
