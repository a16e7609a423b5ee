using Dashboard.Core.Rollouts;
using Dashboard.Web.Shared.Components;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Features.Rollouts.Components;

/// <summary>
/// Confirms one action: shows exactly what will change (from → to), asks for the reason (and for a
/// traffic change the new share), and says who it acts as — the signed-in person. Confirm runs
/// <see cref="Submit"/>; the dialog closes when it succeeds and stays open with the server's answer
/// when it does not.
/// </summary>
public sealed partial class RolloutActionDialog : ConfirmationDialog
{
    private int? _percent;
    private string? _reason;

    [Parameter, EditorRequired]
    public required RolloutView Rollout { get; set; }

    [Parameter, EditorRequired]
    public RolloutAction Action { get; set; }

    /// <summary>The router's name, for the note that says how traffic is applied.</summary>
    [Parameter]
    public string RouterName { get; set; } = "the traffic router";

    /// <summary>Runs the action; returns null when done, otherwise what to tell the person.</summary>
    [Parameter, EditorRequired]
    public required Func<ActionInput, Task<string?>> Submit { get; set; }

    private IReadOnlyList<ChangeLine> Lines => ActionPreview.Describe(Rollout, Action, _percent);

    private bool AffectsTraffic => Lines.Any(line => line.What == "Canary traffic" && line.Changes)
        || Action is RolloutAction.ChangeTraffic or RolloutAction.Start;

    private Color ConfirmColor => Action is RolloutAction.RollBack or RolloutAction.Abort ? Color.Error : Color.Primary;

    protected override bool CanConfirm =>
        !string.IsNullOrWhiteSpace(_reason)
        && (Action != RolloutAction.ChangeTraffic || _percent is >= 0 and <= 100);

    protected override void OnInitialized() =>
        _percent = Action == RolloutAction.ChangeTraffic ? Rollout.RequestedWeightPercent : null;

    private Task ConfirmAsync() => ConfirmAsync(async () =>
        (null, await Submit(new ActionInput(_reason!.Trim(), Action == RolloutAction.ChangeTraffic ? _percent : null))));
}
