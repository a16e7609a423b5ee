using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;

namespace Dashboard.Web.Features.InputLimits;

/// <summary>
/// Every endpoint takes a bounded body: plans up to 256 KB, everything else up to 64 KB, instead of
/// Kestrel's 30 MB (docs/security.md, "Limits on input"). A body that says it is larger is answered 413
/// before anything reads it; a chunked one is cut off by the server at the limit (also 413, through
/// <c>UnreadableRequestHandler</c>). Either way nothing is stored.
/// </summary>
public static class RequestBodyLimits
{
    /// <summary>The largest body of an endpoint that does not say otherwise.</summary>
    public const long DefaultBytes = 64 * 1024;

    /// <summary>The largest plan file <c>POST /api/plans</c> takes.</summary>
    public const long PlanBytes = 256 * 1024;

    /// <summary>Lets this endpoint take bodies up to <paramref name="bytes"/>.</summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long bytes)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytes);
        return builder.WithMetadata(new RequestBodyLimit(bytes));
    }

    /// <summary>Applies each endpoint's limit; runs after routing (which <c>WebApplication</c> puts first), before anything reads a body.</summary>
    public static IApplicationBuilder UseRequestBodyLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // A null limit (an endpoint that disables it) still gets the default: no endpoint is unbounded.
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? DefaultBytes;
            if (context.Request.ContentLength > limit)
            {
                await TooLarge(limit).ExecuteAsync(context);
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit;
            }

            try
            {
                await next(context);
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
            {
                // A chunked body read by the endpoint itself (a plan file) ran past the limit.
                await TooLarge(limit).ExecuteAsync(context);
                return;
            }

            // A chunked body bound by a minimal API ran past the limit: it set 413 and wrote nothing.
            if (context.Response.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
            {
                await TooLarge(limit).ExecuteAsync(context);
            }
        });

    private static ProblemHttpResult TooLarge(long limit) => TypedResults.Problem(
        title: "The request could not be taken.",
        statusCode: StatusCodes.Status413PayloadTooLarge,
        detail: string.Create(
            CultureInfo.InvariantCulture,
            $"The request body is larger than this endpoint takes: at most {limit:N0} bytes ({limit / 1024} KB). Nothing was stored."));
}
