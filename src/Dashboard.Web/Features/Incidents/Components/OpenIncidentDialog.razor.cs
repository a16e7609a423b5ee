using Dashboard.Web.Features.Access;
using Dashboard.Web.Shared;
using Dashboard.Web.Shared.Components;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Incidents.Components;

/// <summary>Opens an incident of a rollout through <see cref="IncidentService"/>, the same path as the REST API, as the signed-in person.</summary>
public sealed partial class OpenIncidentDialog : ConfirmationDialog
{
    private string? _severity = "high";
    private string? _title;
    private string? _description;
    private string? _owner;
    private bool _dataLoss;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = null!;

    [Inject]
    public required IncidentService Incidents { get; init; }

    /// <summary>The rollout the incident belongs to.</summary>
    [Parameter, EditorRequired]
    public Guid RolloutId { get; set; }

    protected override bool CanConfirm =>
        new[] { _severity, _title, _description, _owner }.All(value => !string.IsNullOrWhiteSpace(value));

    /// <summary>The owner starts as the person opening it; most often they are.</summary>
    protected override async Task OnInitializedAsync()
    {
        if (await CurrentActor.GetAsync() is { Kind: ActorKind.Person } person)
        {
            _owner ??= person.Name;
        }
    }

    private Task OpenAsync() => ConfirmAsync(async () =>
    {
        var outcome = await Incidents.OpenAsync(
            RolloutId, new OpenIncidentRequest(_severity, _title, _description, _owner, _dataLoss), await CurrentActor.GetAsync());
        return outcome is { Kind: OutcomeKind.Created, Value: { } incident } ? (incident, null) : (null, IncidentDialogs.Refusal(outcome));
    });
}
