using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Shared.Components;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Incidents.Components;

/// <summary>
/// Opens an incident of a rollout through <see cref="IncidentService"/>, the same path as the REST API, as the
/// signed-in person; each field says beside it what is wrong, in the service's words.
/// </summary>
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

    private static readonly IReadOnlySet<string> RequestFields =
        new HashSet<string>(StringComparer.Ordinal) { "severity", "title", "description", "owner" };

    protected override IReadOnlySet<string> Fields => RequestFields;

    protected override bool CanConfirm =>
        !string.IsNullOrWhiteSpace(_severity)
        && IncidentService.TextProblem("title", _title, IncidentLimits.TitleLength) is null
        && IncidentService.TextProblem("description", _description, IncidentLimits.TextLength) is null
        && IncidentService.TextProblem("owner", _owner, IncidentLimits.NameLength) is null;

    // A field nobody has typed in yet shows no error; Open stays disabled until every field is right.
    private string? TitleProblem => ProblemOf("title", _title is null ? null : IncidentService.TextProblem("title", _title, IncidentLimits.TitleLength));

    private string? DescriptionProblem =>
        ProblemOf("description", _description is null ? null : IncidentService.TextProblem("description", _description, IncidentLimits.TextLength));

    private string? OwnerProblem => ProblemOf("owner", _owner is null ? null : IncidentService.TextProblem("owner", _owner, IncidentLimits.NameLength));

    /// <summary>The owner starts as the person opening it; most often they are.</summary>
    protected override Task OnInitializedAsync() => ReadAsync(async () =>
    {
        if (await CurrentActor.GetAsync() is { Kind: ActorKind.Person } person)
        {
            _owner ??= person.Name;
        }
    });

    private Task OpenAsync() => ConfirmAsync(
        async () => await Incidents.OpenAsync(
            RolloutId, new OpenIncidentRequest(_severity, _title, _description, _owner, _dataLoss), await CurrentActor.GetAsync()),
        "The incident could not be opened.");
}
