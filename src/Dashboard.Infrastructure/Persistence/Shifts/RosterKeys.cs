namespace Dashboard.Infrastructure.Persistence.Shifts;

/// <summary>The unique key of a roster assignment: one default per pattern and day, one override per shift.</summary>
public static class RosterKeys
{
    public static string Default(string pattern, DayOfWeek? day) => $"default:{pattern}:{day?.ToString() ?? "*"}";

    public static string Override(string shiftId) => $"shift:{shiftId}";
}
