using Dashboard.Web.Shared.Components;
using Dashboard.Web.Shared.Time;

namespace Dashboard.Web.Features.ShiftReview;

/// <summary>Watch-next as plain text lines, e.g. to pre-fill a handoff's "risks to watch".</summary>
public static class WatchNextText
{
    public static IReadOnlyList<string> Lines(WatchNext watch)
    {
        ArgumentNullException.ThrowIfNull(watch);
        return
        [
            .. watch.Incidents.Select(i => $"Open {Vocabulary.Capitalize(i.Severity.ToString().ToLowerInvariant())} incident on {i.Rollout}: {i.Title} (owner {i.Owner})"),
            .. watch.Guardrails.Select(g => $"Guardrails on {g.Rollout}: {g.What}"),
            .. watch.SignOffs.Select(s => $"{s.Rollout} '{s.Phase}' waits for sign-off from {(s.Missing.Count == 0 ? "nobody" : string.Join(", ", s.Missing))}{(s.SaidNoGo.Count == 0 ? "" : $"; NO-GO from {string.Join(", ", s.SaidNoGo)}")}"),
            .. watch.Checkpoints.Select(c => $"Checkpoint {c.Checkpoint} of {c.Rollout} '{c.Phase}' due {UtcTime.Stamp(c.DueAt)}"),
            .. watch.MonitorClosely.Select(m => $"Monitor {m.Rollout} closely{(m.Until is { } until ? $" until {UtcTime.Stamp(until)}" : " until the phase ends")}: {m.Why}"),
            .. watch.ActionItems.Select(a => $"Action item for {a.Owner}{(a.Due is { } due ? $" due {due:yyyy-MM-dd}" : "")} on {a.Rollout}: {a.Text}"),
        ];
    }
}
