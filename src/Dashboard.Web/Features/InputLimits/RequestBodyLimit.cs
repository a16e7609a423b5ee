using Microsoft.AspNetCore.Http.Metadata;

namespace Dashboard.Web.Features.InputLimits;

/// <summary>
/// Endpoint metadata: the largest body the endpoint takes, in bytes. Endpoints without it take
/// <see cref="RequestBodyLimits.DefaultBytes"/> (docs/security.md, "Limits on input").
/// </summary>
public sealed record RequestBodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
