using System.Globalization;
using Dashboard.Core.Rollouts;
using Dashboard.Web.Shared;

namespace Dashboard.Web.Features.Rollouts;

/// <summary>
/// The words for a rollout command whose save committed before the state store stopped answering
/// (<see cref="OutcomeKind.StoreLostAfterSave"/>): what was saved, what the router was asked and read back, what could
/// not be recorded, and that the command is not to be repeated. A change is never called applied unless its outcome
/// was recorded; one left requested is finished by the automation once the store is back (docs/traffic.md, "A change
/// left unsettled").
/// </summary>
internal static class SavedThenStoreLost
{
    /// <summary>The store was lost while recording the router's outcome of a saved traffic change.</summary>
    /// <param name="actionName">The command, as the log and the API name it.</param>
    /// <param name="routerName">The router's name.</param>
    /// <param name="unrecorded">The router's outcome, settled in memory only: on the record the change is still requested.</param>
    /// <param name="notAsked">Saved changes after it, not handed to the router.</param>
    public static string OutcomeNotRecorded(string actionName, string routerName, TrafficChange unrecorded, IReadOnlyList<TrafficChange> notAsked)
    {
        ArgumentNullException.ThrowIfNull(unrecorded);
        ArgumentNullException.ThrowIfNull(notAsked);
        var routerSaid = unrecorded.Status == TrafficChangeStatus.Applied
            ? Invariant($"The router ({routerName}) was asked for {unrecorded.ToPercent} % and reads back {unrecorded.ReadBackPercent} %")
            : Invariant($"The router ({routerName}) was asked for {unrecorded.ToPercent} % and did not confirm it ({unrecorded.FailureMessage})");
        var later = notAsked.Count == 0
            ? string.Empty
            : Invariant($" It was not asked for {string.Join(", ", notAsked.Select(c => Invariant($"{c.ToPercent} %")))} yet.");
        return $"The command '{actionName}' was saved and audited. {routerSaid}, but the state store stopped answering before it confirmed "
            + $"that this outcome is recorded: until it is, the change counts as requested, not confirmed.{later} The app settles it by itself "
            + "once the store is back (the automation hands the saved weight to the router again and records what it reads back). "
            + "Do not repeat the command.";
    }

    /// <summary>Every outcome was recorded, but the rollout could not be read back for the answer.</summary>
    /// <param name="actionName">The command, as the log and the API name it.</param>
    /// <param name="routerName">The router's name.</param>
    /// <param name="recorded">The command's traffic changes, each settled and recorded.</param>
    public static string ViewNotRead(string actionName, string routerName, IReadOnlyList<TrafficChange> recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var routerSaid = string.Concat(recorded.Select(c => c.Status == TrafficChangeStatus.Applied
            ? Invariant($" The router ({routerName}) confirmed {c.ToPercent} %, and that is recorded.")
            : Invariant($" The router ({routerName}) did not confirm {c.ToPercent} %, and that is recorded as failed ({c.FailureMessage}).")));
        return $"The command '{actionName}' was saved and audited.{routerSaid} Then the state store stopped answering, so the rollout "
            + "could not be read back for this answer; nothing is left pending. Do not repeat the command.";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
