using Dashboard.Web.Features.Access;
using Dashboard.Web.Shared;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Shifts.Components;

/// <summary>
/// Edits one roster entry — the default of <see cref="Pattern"/> or the override of <see cref="ShiftId"/> — and saves it
/// through <see cref="RosterService"/>, which checks the role and every field; its problems show beside the fields.
/// </summary>
public sealed partial class RosterEditor
{
    private string? _primary;
    private string? _secondary;
    private List<string> _leads = [];
    private bool _busy;
    private string? _error;
    private IReadOnlyDictionary<string, string[]> _problems = new Dictionary<string, string[]>();

    [Inject]
    public required RosterService Roster { get; init; }

    [Inject]
    public required CurrentActor CurrentActor { get; init; }

    /// <summary>The pattern whose every-day default this edits; null when it edits a shift's override.</summary>
    [Parameter]
    public string? Pattern { get; set; }

    /// <summary>The shift whose one-off override this edits.</summary>
    [Parameter]
    public string? ShiftId { get; set; }

    /// <summary>Who is on it now, to start from.</summary>
    [Parameter, EditorRequired]
    public required ShiftRoster Initial { get; set; }

    /// <summary>The people to choose from.</summary>
    [Parameter, EditorRequired]
    public required IReadOnlyList<RosterCandidate> People { get; set; }

    /// <summary>Called after a save succeeded.</summary>
    [Parameter]
    public EventCallback Saved { get; set; }

    protected override void OnParametersSet()
    {
        _primary = Initial.Primary?.UserName;
        _secondary = Initial.Secondary?.UserName;
        _leads = [.. Initial.Leads.Select(l => l.UserName)];
    }

    private void ToggleLead(string userName, ChangeEventArgs e)
    {
        _leads.Remove(userName);
        if (e.Value is true)
        {
            _leads.Add(userName);
        }
    }

    private async Task SaveAsync()
    {
        _busy = true;
        _error = null;
        try
        {
            var entry = new RosterAssignmentRequest(Pattern, null, ShiftId, Blank(_primary), Blank(_secondary), _leads);
            var request = ShiftId is null ? new RosterChangeRequest([entry], null) : new RosterChangeRequest(null, [entry]);
            // A store that does not answer refuses it here: the choices stay as made, for another try.
            (var outcome, _error) = await StateStoreOutage.ValueOrRefusalAsync(async () => await Roster.ChangeAsync(request, await CurrentActor.GetAsync()));
            if (outcome is null)
            {
                return;
            }

            _problems = outcome.Problems;
            if (outcome.Kind == OutcomeKind.Succeeded)
            {
                await Saved.InvokeAsync();
            }
            else if (outcome.Kind != OutcomeKind.Invalid)
            {
                _error = outcome.Detail;
            }
        }
        finally
        {
            _busy = false;
        }
    }

    // The service names fields by JSON path (defaults[0].primary, overrides[0].leads[1]); this editor sends one entry.
    private string? ProblemOf(string field) =>
        _problems.Where(p => p.Key.Split('.').ElementAtOrDefault(1)?.StartsWith(field, StringComparison.Ordinal) == true)
            .SelectMany(p => p.Value).FirstOrDefault();

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
