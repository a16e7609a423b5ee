namespace Dashboard.Web.Features.Shifts;

/// <summary>Why a shift id names no shift.</summary>
public enum ShiftIdProblem
{
    None,

    /// <summary>Not of the form <c>yyyyMMdd-HHmm</c> (400).</summary>
    IllFormed,

    /// <summary>Well formed, but no shift of the pattern starts then (404).</summary>
    NoSuchShift,
}
