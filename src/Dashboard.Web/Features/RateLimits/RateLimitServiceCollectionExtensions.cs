using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.RateLimits;

/// <summary>
/// ASP.NET Core's rate limiter with one global, partitioned limiter: a fixed window per client address on the
/// anonymous doors and per caller on the expensive reads (<see cref="RateLimitedRequests"/>). A refused request
/// is answered 429 with <c>Retry-After</c> before its endpoint runs, so it writes nothing (docs/security.md).
/// </summary>
public static class RateLimitServiceCollectionExtensions
{
    public static IServiceCollection AddWarRoomRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>());
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, limits) =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, limits.Value));
            limiter.OnRejected = AnswerTooManyAsync;
        });
        services.AddRateLimiter(_ => { });
        return services;
    }

    /// <summary>After authentication, so the expensive reads are counted per caller.</summary>
    public static IApplicationBuilder UseWarRoomRateLimits(this IApplicationBuilder app) => app.UseRateLimiter();

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitOptions options)
    {
        if (RateLimitedRequests.Classify(context, options) is not { } limited)
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var (kind, key) = limited;

        var rule = kind == RateLimitKind.Address ? options.Address : options.ExpensiveReads;
        return RateLimitPartition.GetFixedWindowLimiter($"{kind}|{key}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = rule.PermitLimit,
            Window = rule.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask AnswerTooManyAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var response = rejected.HttpContext.Response;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 60;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        response.ContentType = "text/plain; charset=utf-8";
        await response.WriteAsync($"Too many requests: try again in {seconds} s.", cancellationToken);
    }
}
