using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Shared.Components;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Incidents.Components;

/// <summary>Adds a timeline entry to an incident (optionally a new severity or owner), or resolves it, as the signed-in person.</summary>
public sealed partial class IncidentUpdateDialog : ConfirmationDialog
{
    private string? _text;
    private string? _severity;
    private string? _owner;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = null!;

    [Inject]
    public required IncidentService Incidents { get; init; }

    [Parameter, EditorRequired]
    public IncidentView Incident { get; set; } = default!;

    /// <summary>True to resolve the incident with this entry.</summary>
    [Parameter]
    public bool Resolve { get; set; }

    private static readonly IReadOnlySet<string> RequestFields = new HashSet<string>(StringComparer.Ordinal) { "text", "severity", "owner" };

    protected override IReadOnlySet<string> Fields => RequestFields;

    protected override bool CanConfirm =>
        IncidentService.TextProblem("text", _text, IncidentLimits.TextLength) is null && TypedOwnerProblem is null;

    // A field nobody has typed in yet shows no error; the button stays disabled until it is right.
    private string? TextProblem => ProblemOf("text", _text is null ? null : IncidentService.TextProblem("text", _text, IncidentLimits.TextLength));

    private string? OwnerProblem => ProblemOf("owner", TypedOwnerProblem);

    /// <summary>An owner is sent only when it changed, so only a changed owner must pass the rule.</summary>
    private string? TypedOwnerProblem => Resolve || OwnerUnchanged ? null : IncidentService.TextProblem("owner", _owner, IncidentLimits.NameLength);

    private bool OwnerUnchanged => string.Equals(_owner?.Trim(), Incident.Owner, StringComparison.Ordinal);

    protected override void OnInitialized()
    {
        _severity = Incident.Severity.ToLowerInvariant();
        _owner = Incident.Owner;
    }

    private Task SaveAsync() => ConfirmAsync(
        async () =>
        {
            // Only what changed is sent, so the timeline says what this entry changed.
            var severity = string.Equals(_severity, Incident.Severity, StringComparison.OrdinalIgnoreCase) ? null : _severity;
            var owner = OwnerUnchanged ? null : _owner;
            return await Incidents.UpdateAsync(Incident.Id, new IncidentUpdateRequest(_text, severity, owner), await CurrentActor.GetAsync(), Resolve);
        },
        "The incident could not be saved.");
}
