namespace Dashboard.Infrastructure.Persistence;

/// <summary>One entry of an incident's timeline: opened, an update, a change of severity or owner, resolved.</summary>
public sealed class IncidentUpdateRecord
{
    public Guid Id { get; set; }

    public Guid IncidentId { get; set; }

    public DateTimeOffset At { get; set; }

    public required string By { get; set; }

    /// <summary>opened, updated or resolved.</summary>
    public required string Kind { get; set; }

    public required string Text { get; set; }

    /// <summary>The severity after this entry.</summary>
    public required string Severity { get; set; }

    /// <summary>The owner after this entry.</summary>
    public required string Owner { get; set; }
}
