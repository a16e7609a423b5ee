namespace Dashboard.Infrastructure.Persistence.Shifts;

/// <summary>Column sizes of the roster and handoff tables; the services check input against them.</summary>
public static class ShiftRecordLimits
{
    public const int ShiftIdLength = 13;
    public const int KeyLength = 64;
    public const int NameLength = 200;
    public const int LeadsLength = 2000;
    public const int TextLength = 4000;
    public const int QuestionLength = 1000;
}
