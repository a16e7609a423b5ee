using Dashboard.Web.Features.Access;

namespace Dashboard.Web.Features.InputLimits;

/// <summary>
/// Checks the caller's role for an endpoint's operation before its body is read or bound, so a caller who
/// may not act cannot make the server parse up to the body limit first (docs/security.md). The refusal is
/// the services' own: <see cref="AccessAuthorization"/> audits it (<c>access.refused</c>) and it is answered
/// 403 with the same problem shape. The services still check again — this gate only answers earlier.
/// </summary>
public static class OperationGate
{
    /// <summary>The route value that names the rollout, recorded with a refusal.</summary>
    private const string RolloutIdRouteValue = "id";

    /// <summary>Refuses callers who may not <paramref name="operation"/> before the endpoint runs.</summary>
    public static TBuilder RequiresOperation<TBuilder>(this TBuilder builder, Operation operation)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new OperationRequirement(operation));

    /// <summary>Runs after <c>UseAuthorization</c> (the caller is known) and before the endpoint binds its body.</summary>
    public static IApplicationBuilder UseOperationGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<OperationRequirement>() is { } required)
            {
                var rolloutId = context.Request.RouteValues.TryGetValue(RolloutIdRouteValue, out var value)
                    && Guid.TryParse(value as string, out var id) ? id : (Guid?)null;
                var authorization = context.RequestServices.GetRequiredService<AccessAuthorization>();
                if (await authorization.RequireAsync(ActorResolver.From(context.User), required.Operation, rolloutId, context.RequestAborted) is { } why)
                {
                    await TypedResults.Problem(detail: why, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed.").ExecuteAsync(context);
                    return;
                }
            }

            await next(context);
        });
}
