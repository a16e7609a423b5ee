namespace Dashboard.Infrastructure.Persistence.Access;

/// <summary>What a decision passed to <see cref="PeopleStore.EditAsync"/> made of the person: applied (with its audit payload), nothing to do, or refused.</summary>
public sealed record PersonEdit
{
    private PersonEdit(object? auditPayload, string? refusal)
    {
        AuditPayload = auditPayload;
        Refusal = refusal;
    }

    /// <summary>The person already is as asked: no new security stamp, no audit event.</summary>
    public static PersonEdit Unchanged { get; } = new(null, null);

    /// <summary>What the audit event records; null when nothing changed or the change was refused.</summary>
    public object? AuditPayload { get; }

    /// <summary>Why the change is refused; null when it is not.</summary>
    public string? Refusal { get; }

    /// <summary>The person was changed; <paramref name="auditPayload"/> describes how.</summary>
    public static PersonEdit Applied(object auditPayload)
    {
        ArgumentNullException.ThrowIfNull(auditPayload);
        return new(auditPayload, null);
    }

    /// <summary>The person must not be changed (and was not touched).</summary>
    public static PersonEdit Refused(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(null, reason);
    }
}
