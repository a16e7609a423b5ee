namespace Dashboard.Infrastructure.Persistence;

/// <summary>Lengths of the sign-off and checklist columns; the gate service validates against the same numbers.</summary>
public static class GateRecordLimits
{
    public const int CommentLength = 2000;
    public const int NameLength = 200;
    public const int IdLength = 100;
}
