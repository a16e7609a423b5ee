namespace Dashboard.Infrastructure.Persistence;

/// <summary>Lengths of the incident columns; the incident service validates against the same numbers.</summary>
public static class IncidentLimits
{
    public const int TitleLength = 200;
    public const int TextLength = 4000;
    public const int NameLength = 100;
}
