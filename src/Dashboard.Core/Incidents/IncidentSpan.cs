namespace Dashboard.Core.Incidents;

/// <summary>
/// When an incident was open: from <see cref="OpenedAt"/> until <see cref="ResolvedAt"/> (still open
/// when null). A checkpoint asks how many incidents were open at any moment of its window, so an
/// incident opened and resolved between two checkpoints still counts at the next one.
/// </summary>
public sealed record IncidentSpan(IncidentSeverity Severity, bool DataLoss, DateTimeOffset OpenedAt, DateTimeOffset? ResolvedAt)
{
    /// <summary>True when the incident was open at some moment of the half-open window [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public bool WasOpenDuring(DateTimeOffset from, DateTimeOffset to) =>
        OpenedAt < to && (ResolvedAt is not { } resolved || resolved > from);
}
