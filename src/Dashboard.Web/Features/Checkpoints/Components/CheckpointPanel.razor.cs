using Dashboard.Core.Checkpoints;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Checkpoints.Components;

/// <summary>
/// The rollout's persisted checkpoint verdicts, newest first: due time and lateness, the overall
/// verdict and suggested decision, and each criterion's value since the phase start and over the last
/// interval (hover for the InfluxQL it ran); each checkpoint links to its page. Re-read after every saved change of the rollout (a checkpoint run publishes one).
/// </summary>
public sealed partial class CheckpointPanel : IDisposable
{
    private LiveReload<RolloutChanged>? _live;
    private IReadOnlyList<Row> _verdicts = [];
    private int _page;

    [Inject]
    public required CheckpointVerdictStore Verdicts { get; init; }

    [Inject]
    public required IOptions<RolloutClockOptions> Clock { get; init; }

    [Inject]
    public required RolloutChangeFeed Changes { get; init; }

    [Parameter, EditorRequired]
    public Guid RolloutId { get; set; }

    protected override void OnInitialized() =>
        _live = new(Changes, change => change.RolloutId == RolloutId, LoadAsync, InvokeAsync, StateHasChanged, DispatchExceptionAsync);

    protected override Task OnParametersSetAsync() => _live!.ReloadForAsync(RolloutId);

    public void Dispose() => _live?.Dispose();

    private async Task LoadAsync()
    {
        _verdicts = [.. (await Verdicts.ListAsync(RolloutId)).Select(record => Row.From(record, Clock.Value))];
    }

    private sealed record Row(string Phase, TimeSpan Checkpoint, DateTimeOffset DueAt, TimeSpan? LateBy, CheckpointEvaluation Evaluation, string Href)
    {
        public static Row From(CheckpointVerdictRecord record, RolloutClockOptions clock)
        {
            var evaluation = CheckpointVerdictStore.Read(record);
            return new(
                evaluation.PhaseName, evaluation.CheckpointOffset, record.DueAt, clock.LateBy(record.DueAt, record.EvaluatedAt),
                evaluation,
                CheckpointRoutes.Page(record.RolloutId, record.PhaseIndex, record.CheckpointOffsetSeconds));
        }
    }
}
