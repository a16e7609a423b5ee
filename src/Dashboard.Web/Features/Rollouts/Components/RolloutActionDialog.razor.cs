using System.Globalization;
using Dashboard.Core.Rollouts;
using Dashboard.Web.Shared;
using Dashboard.Web.Shared.Components;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Features.Rollouts.Components;

/// <summary>
/// Confirms one action: shows exactly what will change (from → to), asks for the reason (and for a
/// traffic change the new share), and says who it acts as — the signed-in person. A share that is not
/// a whole number from 0 to 100 is refused beside the field, with no preview and Confirm disabled; it is
/// never turned into another number (docs/rollouts-ui.md). Confirm runs
/// <see cref="Submit"/>; the dialog closes when it succeeds and stays open with the server's answer
/// when it does not.
/// </summary>
public sealed partial class RolloutActionDialog : ConfirmationDialog
{
    private string? _percentText;
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

    private IReadOnlyList<ChangeLine> Lines => ActionPreview.Describe(Rollout, Action, TypedPercent(out var percent) is null ? percent : null);

    /// <summary>What is wrong with the typed share; null when it is fine or the action takes none.</summary>
    private string? PercentProblem => Action == RolloutAction.ChangeTraffic ? TypedPercent(out _) : null;

    private bool AffectsTraffic => Lines.Any(line => line.What == "Canary traffic" && line.Changes)
        || Action is RolloutAction.ChangeTraffic or RolloutAction.Start;

    private Color ConfirmColor => Action is RolloutAction.RollBack or RolloutAction.Abort ? Color.Error : Color.Primary;

    protected override bool CanConfirm => InputRules.Reason(_reason) is null && PercentProblem is null;

    protected override void OnInitialized() =>
        _percentText = Action == RolloutAction.ChangeTraffic ? Rollout.RequestedWeightPercent.ToString(CultureInfo.InvariantCulture) : null;

    private string? TypedPercent(out int percent) => InputRules.WholeNumber(_percentText, 0, 100, out percent);

    private Task ConfirmAsync() => ConfirmAsync(async () =>
    {
        int? percent = Action == RolloutAction.ChangeTraffic && TypedPercent(out var typed) is null ? typed : null;
        return (null, await Submit(new ActionInput(_reason!.Trim(), percent)));
    });
}
