using Dashboard.Core.Checkpoints;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared;
using Dashboard.Web.Shared.Charts;
using Dashboard.Web.Shared.Live;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Checkpoints.Pages;

/// <summary>
/// "Why did it fail?" answered on one page: the checkpoint's header and verdict, every criterion with
/// its rule, query (each printed once), samples and chart with the rollout's events marked, a re-run of the same window beside the stored result, and the
/// decision form with the decisions recorded so far — the re-run and the form only for those whose
/// roles allow them. Re-read after every saved change of the rollout (<see cref="RolloutChangeFeed"/>),
/// so a decision from another browser or the API shows up by itself.
/// </summary>
public sealed partial class CheckpointPage : IDisposable
{
    private LiveReload<RolloutChanged>? _live;
    private CheckpointDetail? _detail;
    private IReadOnlyList<ChartAnnotation> _annotations = [];
    private CheckpointRerun? _rerun;
    private bool _loaded;
    private bool _rerunning;
    private Actor _actor = Actor.Anonymous;
    private bool _mayRerun;
    private bool _mayDecide;
    private string? _rerunReason;
    private string? _rerunProblem;

    [Parameter]
    public Guid Id { get; set; }

    [Parameter]
    public int PhaseIndex { get; set; }

    [Parameter]
    public long OffsetSeconds { get; set; }

    [Inject]
    private CurrentActor CurrentActor { get; set; } = null!;

    [Inject]
    public required CheckpointDetails Details { get; init; }

    [Inject]
    public required CheckpointReevaluation Reevaluation { get; init; }

    [Inject]
    public required RolloutChangeFeed Changes { get; init; }

    [Inject]
    public required IChartAnnotationSource AnnotationSource { get; init; }

    protected override async Task OnInitializedAsync()
    {
        _live = new(Changes, change => change.RolloutId == Id, LoadAsync, InvokeAsync, StateHasChanged, DispatchExceptionAsync);
        _actor = await CurrentActor.GetAsync();
        _mayRerun = AccessRules.Allows(_actor, Operation.ReevaluateCheckpoint);
        _mayDecide = AccessRules.Allows(_actor, Operation.RecordDecision);
    }

    protected override Task OnParametersSetAsync() => ReloadAsync();

    private Task ReloadAsync() => _live!.ReloadAsync();

    private async Task LoadAsync()
    {
        _detail = await Details.FindAsync(Id, PhaseIndex, OffsetSeconds);
        _annotations = _detail is { Evaluation.Window: var window }
            ? await AnnotationSource.ReadAsync(window.PhaseStart, window.DueAt, Id)
            : [];
        _loaded = true;
    }

    private async Task RerunAsync()
    {
        _rerunning = true;
        try
        {
            // A store that does not answer refuses it beside the button; the reason typed stays for another try.
            (var outcome, _rerunProblem) = await StateStoreOutage.ValueOrRefusalAsync(async () =>
                await Reevaluation.RerunAsync(Id, PhaseIndex, OffsetSeconds, new CheckpointRerunRequest(_rerunReason), await CurrentActor.GetAsync()));
            if (outcome is null)
            {
                return;
            }

            if (outcome is { Kind: OutcomeKind.Succeeded, Value: { } rerun })
            {
                _rerun = rerun;
                _rerunProblem = null;
                return;
            }

            _rerunProblem = outcome.Kind == OutcomeKind.Invalid
                ? string.Join(" ", outcome.Problems.SelectMany(p => p.Value))
                : outcome.Detail ?? "The re-run failed.";
        }
        finally
        {
            _rerunning = false;
        }
    }

    // Criteria of one family (error rate and P99 both read requests) ran one statement set: print it once.
    private static string? QueryShownWith(CheckpointEvaluation evaluation, CriterionEvaluation criterion) =>
        criterion.Query is { } query
            ? evaluation.Criteria.TakeWhile(c => !ReferenceEquals(c, criterion)).FirstOrDefault(c => c.Query == query)?.Metric
            : null;

    public void Dispose() => _live?.Dispose();
}
