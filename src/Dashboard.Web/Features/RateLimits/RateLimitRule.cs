namespace Dashboard.Web.Features.RateLimits;

/// <summary>At most <see cref="PermitLimit"/> requests per fixed <see cref="Window"/>; the next is answered 429 with <c>Retry-After</c>.</summary>
public sealed class RateLimitRule
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}
