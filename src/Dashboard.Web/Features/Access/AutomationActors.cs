namespace Dashboard.Web.Features.Access;

/// <summary>
/// The app's own actors, one per kind of automation, so the audit log says which part of the app acted and any feature
/// can recognise another's actions (e.g. the notifier leaves the guardrails' router failures to their own alert).
/// </summary>
public static class AutomationActors
{
    public static Actor Checkpoints { get; } = Actor.Automation("automation (checkpoints)");

    public static Actor Guardrails { get; } = Actor.Automation("automation (guardrails)");

    public static Actor SignOffGate { get; } = Actor.Automation("automation (sign-off gate)");

    public static Actor Incidents { get; } = Actor.Automation("automation (incidents)");

    public static Actor Monitoring { get; } = Actor.Automation("automation (monitoring)");

    public static Actor Summaries { get; } = Actor.Automation("automation (summaries)");

    public static Actor Shifts { get; } = Actor.Automation("automation (shifts)");

    public static Actor DriftCheck { get; } = Actor.Automation("automation (drift check)");
}
