namespace Dashboard.Core.Incidents;

/// <summary>How bad an incident is; only <see cref="Critical"/> fails the "zero critical incidents" criterion.</summary>
public enum IncidentSeverity
{
    Low,
    High,
    Critical,
}
