namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// An open router alert: a guardrail saved an action whose weight the router has not confirmed yet. Kept while the
/// retry goes on, so that whichever instance holds the automation lease next resumes it (docs/guardrails.md).
/// </summary>
public sealed class RouterAlertRecord
{
    public Guid RolloutId { get; set; }

    public required string Service { get; set; }

    public required string CandidateVersion { get; set; }

    public int WantedPercent { get; set; }

    public required string Problem { get; set; }

    public DateTimeOffset Since { get; set; }

    public int Attempts { get; set; }
}
