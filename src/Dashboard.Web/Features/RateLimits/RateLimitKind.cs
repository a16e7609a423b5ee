namespace Dashboard.Web.Features.RateLimits;

/// <summary>The two budgets of <see cref="RateLimitOptions"/>.</summary>
public enum RateLimitKind
{
    /// <summary>Per client address on the anonymous doors.</summary>
    Address,

    /// <summary>Per caller on the expensive reads.</summary>
    ExpensiveRead,
}
