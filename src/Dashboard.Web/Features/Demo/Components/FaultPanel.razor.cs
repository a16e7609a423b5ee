using System.Globalization;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Shared;
using Dashboard.Web.Shared.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Demo.Components;

/// <summary>
/// Injects and clears faults in the demo simulator's canary through <see cref="DemoFaultService"/>,
/// the same path as the REST API, as the signed-in person; those whose roles do not allow it see the
/// active faults without the controls. Magnitude and duration are typed as text and refused beside their
/// field when out of range — never clamped (docs/demo.md). Renders nothing unless the demo is enabled.
/// </summary>
public sealed partial class FaultPanel : IDisposable
{
    private static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(1);

    private DemoFaultBoard? _board;
    private DemoFaultService? _service;
    private string? _problem;
    private ITimer? _ticker;
    private IReadOnlyList<DemoFault> _active = [];
    private FaultKind _kind = FaultKind.ErrorSpike;
    private string? _magnitudeText = FaultDescriptions.DefaultMagnitudeText(FaultKind.ErrorSpike);
    private string? _durationText = "5";
    private IReadOnlyDictionary<string, string[]> _serverProblems = new Dictionary<string, string[]>();
    private Actor _actor = Actor.Anonymous;
    private bool _mayChange;

    [Inject]
    public required IServiceProvider Services { get; init; }

    [Inject]
    public required TimeProvider TimeProvider { get; init; }

    [Inject]
    public required CurrentActor CurrentActor { get; init; }

    /// <summary>The longest fault, in the whole minutes the panel asks for.</summary>
    private static readonly int MaxMinutes = (int)DemoFaultService.MaxDuration.TotalMinutes;

    private static readonly string DurationRange =
        string.Create(CultureInfo.InvariantCulture, $"Whole minutes, 1 to {MaxMinutes} ({DemoFaultService.MaxDuration.TotalHours:0} h).");

    private bool CanInject => TypedMagnitude(out _) is null && TypedDuration(out _) is null;

    // Beside each field: what is wrong with what is typed now, else what the server said about it.
    private string? MagnitudeProblem => TypedMagnitude(out _) ?? ServerProblem("magnitude");

    private string? DurationProblem => TypedDuration(out _) ?? ServerProblem("durationSeconds");

    private string? TypedMagnitude(out double magnitude) =>
        InputRules.Number(_magnitudeText, out magnitude) ?? DemoFaultService.MagnitudeProblem(_kind, magnitude);

    private string? TypedDuration(out int minutes) => InputRules.WholeNumber(_durationText, 1, MaxMinutes, out minutes);

    private string? ServerProblem(string field) =>
        _serverProblems.TryGetValue(field, out var problems) ? string.Join("; ", problems) : null;

    private void Edited() => _serverProblems = new Dictionary<string, string[]>();

    protected override async Task OnInitializedAsync()
    {
        if (Services.GetService<IOptions<DemoOptions>>()?.Value.Enabled != true)
        {
            return;
        }

        _service = Services.GetRequiredService<DemoFaultService>();
        _actor = await CurrentActor.GetAsync();
        _mayChange = AccessRules.Allows(_actor, Operation.InjectFault);

        _board = Services.GetRequiredService<DemoFaultBoard>();
        _active = _board.Active;
        _board.Changed += OnBoardChanged;
        // Remaining times tick, and expired faults drop off the list without any change event.
        _ticker = TimeProvider.CreateTimer(_ => OnBoardChanged(), null, TickInterval, TickInterval);
    }

    private void OnBoardChanged() => _ = InvokeAsync(() =>
    {
        _active = _board?.Active ?? [];
        StateHasChanged();
    });

    private void SelectKind(FaultKind kind)
    {
        _kind = kind;
        _magnitudeText = FaultDescriptions.DefaultMagnitudeText(kind);
        Edited();
    }

    private async Task InjectAsync()
    {
        if (TypedMagnitude(out var magnitude) is not null || TypedDuration(out var minutes) is not null || _service is null)
        {
            return;
        }

        var request = DemoFaultRequest.For(_kind, magnitude, TimeSpan.FromMinutes(minutes));
        Show(await _service.InjectAsync(request, await CurrentActor.GetAsync()));
    }

    private async Task ClearAsync(Guid id)
    {
        if (_service is not null)
        {
            Show(await _service.ClearAsync(id, await CurrentActor.GetAsync()));
        }
    }

    private async Task ClearAllAsync()
    {
        if (_service is not null)
        {
            Show(await _service.ClearAllAsync(await CurrentActor.GetAsync()));
        }
    }

    /// <summary>
    /// Nothing on success; otherwise the server's words: a problem with a field beside that field, anything else
    /// (a refusal, a fault that already ended, a problem with no field here) above the list.
    /// </summary>
    private void Show<T>(Outcome<T> outcome)
        where T : class
    {
        _serverProblems = outcome.Kind == OutcomeKind.Invalid ? outcome.Problems : new Dictionary<string, string[]>();
        _problem = outcome.Kind switch
        {
            OutcomeKind.Created or OutcomeKind.Succeeded => null,
            OutcomeKind.Invalid when outcome.Problems.Keys.All(field => field is "magnitude" or "durationSeconds") => "Nothing was injected: fix the marked fields.",
            OutcomeKind.Invalid => "Nothing was injected: " + string.Join(" ", outcome.Problems.Select(p => $"{p.Key}: {string.Join("; ", p.Value)}.")),
            _ => outcome.Detail,
        };
    }

    private string Remaining(DemoFault fault) =>
        AgeText.Format(fault.EndsAt - TimeProvider.GetUtcNow());

    public void Dispose()
    {
        if (_board is not null)
        {
            _board.Changed -= OnBoardChanged;
        }

        _ticker?.Dispose();
    }
}
