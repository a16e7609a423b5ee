using System.Globalization;
using Dashboard.Core.Plans;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared.Components;
using Dashboard.Web.Shared.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Checkpoints.Components;

/// <summary>
/// One chip per checkpoint of the current phase, earlier phases smaller before it: evaluated ones in
/// their verdict's colour (linking to the checkpoint page), pending ones grey with their due time,
/// late ones marked. In <see cref="Kiosk"/> mode large and without links, for the war-room TV.
/// Re-reads the verdicts after every saved change of its rollout (a checkpoint run publishes one).
/// </summary>
public sealed partial class CheckpointTimeline : IDisposable
{
    private LiveReload<RolloutChanged>? _live;
    private IReadOnlyList<TimelinePhase> _phases = [];
    private IReadOnlyList<CheckpointVerdictRecord> _verdicts = [];
    private Guid? _loadedRollout;

    [Inject]
    public required CheckpointVerdictStore Verdicts { get; init; }

    [Inject]
    public required IOptions<RolloutClockOptions> Clock { get; init; }

    [Inject]
    public required TimeProvider Time { get; init; }

    [Inject]
    public required RolloutChangeFeed Changes { get; init; }

    /// <summary>The rollout as last saved.</summary>
    [Parameter, EditorRequired]
    public required RolloutView Rollout { get; set; }

    /// <summary>The plan it runs, for the checkpoints of each phase.</summary>
    [Parameter, EditorRequired]
    public required RolloutPlan Plan { get; set; }

    /// <summary>Large chips and no links, for the war-room screen.</summary>
    [Parameter]
    public bool Kiosk { get; set; }

    protected override void OnInitialized() =>
        _live = new(Changes, change => change.RolloutId == Rollout.Id, LoadAsync, InvokeAsync, StateHasChanged, DispatchExceptionAsync);

    // A new rollout view of the same rollout re-draws from the verdicts already read; the feed re-reads them.
    protected override async Task OnParametersSetAsync()
    {
        if (_loadedRollout != Rollout.Id)
        {
            await _live!.ReloadAsync();
        }

        _phases = CheckpointTimelineBuilder.Build(Rollout, Plan, _verdicts, Clock.Value, Time.GetUtcNow());
    }

    public void Dispose() => _live?.Dispose();

    private async Task LoadAsync()
    {
        var rollout = Rollout;
        _verdicts = await Verdicts.ListAsync(rollout.Id);
        _loadedRollout = rollout.Id;
        _phases = CheckpointTimelineBuilder.Build(rollout, Plan, _verdicts, Clock.Value, Time.GetUtcNow());
    }

    private static string ChipText(TimelineChip chip)
    {
        var what = chip switch
        {
            { Verdict: { } verdict } => VerdictPresentation.Label(verdict),
            { IsSkipped: true } => "not run",
            { DueAt: { } due } => string.Create(CultureInfo.InvariantCulture, $"due {due:HH:mm}"),
            _ => "pending",
        };
        return chip.IsLate ? $"{chip.Label} · {what} · late" : $"{chip.Label} · {what}";
    }

    // Blazor drops a false boolean attribute; the test hook should always say which.
    private static string Flag(bool value) => value ? "true" : "false";

    private static string Title(TimelineChip chip) => chip.DueAt is { } due
        ? string.Create(CultureInfo.InvariantCulture, $"Checkpoint {chip.Label}, due {due:MMM d HH:mm:ss} UTC")
        : $"Checkpoint {chip.Label}: the phase has not started";
}
