namespace Dashboard.Web.Shared.Time;

/// <summary>How much of a moment to write: the finest is whole seconds.</summary>
public enum TimePattern
{
    /// <summary>"17:06".</summary>
    Minutes,

    /// <summary>"17:06:02".</summary>
    Seconds,

    /// <summary>"Dec 6 17:06".</summary>
    DateAndMinutes,

    /// <summary>"Dec 6 17:06:02".</summary>
    DateAndSeconds,
}
