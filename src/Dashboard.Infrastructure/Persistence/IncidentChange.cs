namespace Dashboard.Infrastructure.Persistence;

/// <summary>What an incident update did: the incident after it, or why nothing changed.</summary>
public sealed record IncidentChange(IncidentRecord? Incident, IncidentChangeRefusal? Refusal)
{
    public static IncidentChange Done(IncidentRecord incident) => new(incident, null);

    public static IncidentChange Refused(IncidentChangeRefusal refusal) => new(null, refusal);
}

/// <summary>Why an incident could not be changed.</summary>
public enum IncidentChangeRefusal
{
    NotFound,
    AlreadyResolved,
}
