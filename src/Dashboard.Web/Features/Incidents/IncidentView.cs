using Dashboard.Infrastructure.Persistence;

namespace Dashboard.Web.Features.Incidents;

/// <summary>An incident as the API and pages show it, with its timeline oldest first.</summary>
public sealed record IncidentView(
    Guid Id,
    Guid RolloutId,
    int PhaseIndex,
    string Severity,
    string Title,
    string Description,
    string Owner,
    bool DataLoss,
    bool IsOpen,
    DateTimeOffset OpenedAt,
    string OpenedBy,
    DateTimeOffset? ResolvedAt,
    string? ResolvedBy,
    IReadOnlyList<IncidentUpdateView> Timeline)
{
    public static IncidentView From(IncidentRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(
            record.Id, record.RolloutId, record.PhaseIndex, record.Severity, record.Title, record.Description, record.Owner, record.DataLoss,
            record.ResolvedAt is null, record.OpenedAt, record.OpenedBy, record.ResolvedAt, record.ResolvedBy,
            [.. record.Updates.OrderBy(u => u.At).Select(u => new IncidentUpdateView(u.At, u.By, u.Kind, u.Text, u.Severity, u.Owner))]);
    }
}

/// <summary>One entry of an incident's timeline.</summary>
public sealed record IncidentUpdateView(DateTimeOffset At, string By, string Kind, string Text, string Severity, string Owner);
