using Dashboard.Core.Incidents;

namespace Dashboard.Core.History;

/// <summary>An incident that was open at the moment a board is rebuilt for, with the severity it had then.</summary>
public sealed record OpenIncidentAt(Guid Id, IncidentSeverity Severity, string Title, bool DataLoss, DateTimeOffset OpenedAt);
