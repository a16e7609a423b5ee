using Dashboard.Core.Checkpoints;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Rollouts;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Checkpoints.Components;

/// <summary>
/// The rollout's persisted checkpoint verdicts, newest first: due time and lateness, the overall
/// verdict and suggested decision, and each criterion's value since the phase start and over the last
/// interval (hover for the InfluxQL it ran); each checkpoint links to its page. Re-read whenever <see cref="Revision"/> changes.
/// </summary>
public sealed partial class CheckpointPanel
{
    private IReadOnlyList<Row> _verdicts = [];
    private object? _loadedRevision;

    [Inject]
    public required CheckpointVerdictStore Verdicts { get; init; }

    [Inject]
    public required IOptions<RolloutClockOptions> Clock { get; init; }

    [Parameter, EditorRequired]
    public Guid RolloutId { get; set; }

    /// <summary>Anything that changes when the rollout changed; a new value reloads the verdicts.</summary>
    [Parameter]
    public object? Revision { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedRevision is not null && Equals(_loadedRevision, Revision))
        {
            return;
        }

        _loadedRevision = Revision;
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
