namespace Dashboard.Web.Features.ShiftReview;

/// <summary>The words the handoff review uses for timeline kinds (in the spirit of <c>Shared/Components/Vocabulary</c>).</summary>
public static class TimelineWords
{
    public static string Kind(TimelineKind kind) => kind switch
    {
        TimelineKind.TrafficChange => "traffic change",
        TimelineKind.PhaseTransition => "phase transition",
        TimelineKind.CheckpointVerdict => "checkpoint verdict",
        TimelineKind.GuardrailAction => "guardrail action",
        TimelineKind.SignOff => "sign-off or decision",
        TimelineKind.Incident => "incident",
        TimelineKind.HealthCheck => "health check",
        TimelineKind.RouterAlert => "drift or router alert",
        TimelineKind.GuardrailStreak => "guardrail streak (near-miss)",
        TimelineKind.GuardrailBlind => "guardrails blind (near-miss)",
        TimelineKind.ExecutiveSummary => "executive summary",
        _ => kind.ToString(),
    };

    /// <summary>A length as people say it: "45 s", "4 min 10 s", "2 h 5 min".</summary>
    public static string Length(TimeSpan length) => length switch
    {
        { TotalSeconds: < 60 } => $"{Math.Round(length.TotalSeconds):0} s",
        { TotalMinutes: < 60 } => length.Seconds == 0 ? $"{length.Minutes} min" : $"{length.Minutes} min {length.Seconds} s",
        _ => length.Minutes == 0 ? $"{(int)length.TotalHours} h" : $"{(int)length.TotalHours} h {length.Minutes} min",
    };
}
