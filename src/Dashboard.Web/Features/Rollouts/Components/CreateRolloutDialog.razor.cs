using Dashboard.Core.Plans;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Shared;
using Dashboard.Web.Shared.Components;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Rollouts.Components;

/// <summary>
/// Creates a rollout of a service along a plan through <see cref="RolloutService"/>, the same
/// service the REST API uses, as the signed-in person. Each field says beside it what is wrong
/// (<see cref="RolloutRequestRules"/>, the rules the server applies again), the picker names each plan
/// and its source in words and previews the chosen plan's phases; closes with the new rollout's id.
/// </summary>
public sealed partial class CreateRolloutDialog : ConfirmationDialog
{
    private static readonly IReadOnlySet<string> RequestFields =
        new HashSet<string>(StringComparer.Ordinal) { "service", "baselineVersion", "candidateVersion", "planId", "reason" };

    private IReadOnlyList<PlanView> _plans = [];
    private RolloutPlan? _plan;
    private string? _service;
    private string? _baseline;
    private string? _candidate;
    private string? _planId;
    private string? _reason;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = null!;

    [Inject]
    public required RolloutService Rollouts { get; init; }

    [Inject]
    public required PlanCatalog Plans { get; init; }

    protected override IReadOnlySet<string> Fields => RequestFields;

    protected override bool CanConfirm => RolloutRequestRules.Check(Request).Count == 0 && _plan is not null;

    private CreateRolloutRequest Request => new(_service, _baseline, _candidate, _planId, _reason);

    // A field nobody has typed in yet shows no error; Create stays disabled until all are right.
    private string? ServiceProblem =>
        ProblemOf("service", _service is null ? null : InputRules.RequiredText(_service, InputRules.MaxNameLength, "a service is required"));

    private string? BaselineProblem =>
        ProblemOf("baselineVersion", _baseline is null ? null : InputRules.RequiredText(_baseline, InputRules.MaxNameLength, "the baseline version is required"));

    private string? CandidateProblem => ProblemOf(
        "candidateVersion",
        _candidate is null ? null : InputRules.RequiredText(_candidate, InputRules.MaxNameLength, "the candidate version is required")
            ?? RolloutRequestRules.SameVersion(_baseline, _candidate));

    private string? PlanProblem => ProblemOf("planId", _plans.Count == 0 ? "there is no plan to follow: add one (docs/plans.md)" : null);

    protected override Task OnInitializedAsync() => ReadAsync(async () =>
    {
        _plans = await Plans.ListAsync();
        _planId = _plans.Count > 0 ? _plans[0].Id : null;
        _plan = _planId is null ? null : await Plans.FindPlanAsync(_planId);
    });

    private Task PlanChosenAsync()
    {
        Edited();
        return ReadAsync(async () => _plan = _planId is null ? null : await Plans.FindPlanAsync(_planId));
    }

    private string PlanText(string? id) => _plans.FirstOrDefault(p => p.Id == id) is { } plan
        ? $"{plan.Name} — {PlanSourceText.Label(plan.Source)}, {plan.PhaseCount} {(plan.PhaseCount == 1 ? "phase" : "phases")}"
        : string.Empty;

    private Task CreateAsync() => ConfirmAsync(
        async () => await Rollouts.CreateAsync(Request, await CurrentActor.GetAsync()),
        "The rollout could not be created.",
        created => created.Rollout.Id);
}
