using Dashboard.Web.Features.Access;
using Dashboard.Web.Shared;
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

    protected override bool CanConfirm => !string.IsNullOrWhiteSpace(_text);

    protected override void OnInitialized()
    {
        _severity = Incident.Severity.ToLowerInvariant();
        _owner = Incident.Owner;
    }

    private Task SaveAsync() => ConfirmAsync(async () =>
    {
        // Only what changed is sent, so the timeline says what this entry changed.
        var severity = string.Equals(_severity, Incident.Severity, StringComparison.OrdinalIgnoreCase) ? null : _severity;
        var owner = string.Equals(_owner?.Trim(), Incident.Owner, StringComparison.Ordinal) ? null : _owner;
        var outcome = await Incidents.UpdateAsync(Incident.Id, new IncidentUpdateRequest(_text, severity, owner), await CurrentActor.GetAsync(), Resolve);
        return outcome is { Kind: OutcomeKind.Succeeded, Value: { } incident } ? (incident, null) : (null, IncidentDialogs.Refusal(outcome));
    });
}
