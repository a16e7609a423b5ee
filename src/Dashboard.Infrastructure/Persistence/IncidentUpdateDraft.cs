using Dashboard.Core.Incidents;

namespace Dashboard.Infrastructure.Persistence;

/// <summary>A new timeline entry: who, what, and optionally a new severity or owner.</summary>
public sealed record IncidentUpdateDraft(string By, string Text, IncidentSeverity? Severity = null, string? Owner = null);
