using System.Globalization;
using Dashboard.Core.Rollouts;
using Dashboard.Web.Shared.Components;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Reasons.Components;

/// <summary>
/// One line of why: "Rolled back by erin at 12:05:00 UTC: “error spike in EU” · Evidence: audit entry #14".
/// A person's words are quoted; automation's are its rule and measured values, as recorded.
/// </summary>
public sealed partial class StateReason
{
    /// <summary>The reason to show.</summary>
    [Parameter, EditorRequired]
    public required RolloutReason Reason { get; set; }

    private string Headline
    {
        get
        {
            var at = Reason.At.UtcDateTime.ToString("MMM d HH:mm:ss", CultureInfo.InvariantCulture);
            return Reason.PhaseState == PhaseState.AwaitingSignOff
                ? $"Awaiting sign-off, asked by {Reason.Actor} at {at} UTC:"
                : $"{Vocabulary.Capitalize(Vocabulary.State(Reason.PhaseState))} by {Reason.Actor} at {at} UTC:";
        }
    }

    private string Words => Reason.ByAutomation ? Reason.Words : $"“{Reason.Words}”";

    private string Css => Reason.PhaseState switch
    {
        PhaseState.RolledBack or PhaseState.Aborted => "ended",
        PhaseState.Completed => "completed",
        _ => "waiting",
    };
}
