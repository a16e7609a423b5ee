namespace Dashboard.Web.Features.Summaries;

/// <summary>What happened in a summary's period: incidents, decisions and traffic changes, oldest first.</summary>
public sealed record SummaryEvents(IReadOnlyList<SummaryIncident> Incidents, IReadOnlyList<SummaryDecision> Decisions, IReadOnlyList<SummaryTrafficChange> Traffic);
