namespace Dashboard.Infrastructure.Persistence.Shifts;

/// <summary>
/// Who is on a shift: either the default for a pattern (every day, or one weekday) or a one-off override for one
/// shift id. People are stored by user name, as the audit log names them.
/// </summary>
public sealed class RosterAssignmentRecord
{
    public Guid Id { get; set; }

    /// <summary>Unique: <see cref="RosterKeys"/>.</summary>
    public required string Key { get; set; }

    /// <summary>The pattern a default is for; null for an override.</summary>
    public string? Pattern { get; set; }

    /// <summary>The weekday a default is for (e.g. "Monday"); null for every day, and for an override.</summary>
    public string? Day { get; set; }

    /// <summary>The shift an override is for (<c>yyyyMMdd-HHmm</c>); null for a default.</summary>
    public string? ShiftId { get; set; }

    public string? Primary { get; set; }

    public string? Secondary { get; set; }

    /// <summary>Comma-separated user names of the leads on duty.</summary>
    public string Leads { get; set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}
