using Dashboard.Web.Features.Access;
using Dashboard.Web.Shared;
using Dashboard.Web.Shared.Components;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Rollouts.Components;

/// <summary>
/// Creates a rollout of a service along a plan through <see cref="RolloutService"/>, the same
/// service the REST API uses, as the signed-in person; closes with the new rollout's id, or shows every
/// problem the server found.
/// </summary>
public sealed partial class CreateRolloutDialog : ConfirmationDialog
{
    private IReadOnlyList<PlanView> _plans = [];
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

    protected override bool CanConfirm =>
        new[] { _service, _baseline, _candidate, _planId, _reason }.All(value => !string.IsNullOrWhiteSpace(value));

    protected override async Task OnInitializedAsync()
    {
        _plans = await Plans.ListAsync();
        _planId = _plans.Count > 0 ? _plans[0].Id : null;
    }

    private Task CreateAsync() => ConfirmAsync(async () =>
    {
        var outcome = await Rollouts.CreateAsync(
            new CreateRolloutRequest(_service, _baseline, _candidate, _planId, _reason), await CurrentActor.GetAsync());
        if (outcome is { Kind: OutcomeKind.Created, Value.Rollout: { } rollout })
        {
            return (rollout.Id, null);
        }

        return (null, outcome.Problems.Count > 0
            ? string.Join(" ", outcome.Problems.Select(p => $"{p.Key}: {string.Join("; ", p.Value)}."))
            : outcome.Detail ?? "The rollout could not be created.");
    });
}
