using System.Globalization;
using Dashboard.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics;

namespace Dashboard.Web.Features.Health;

/// <summary>
/// Answers a request that failed because the state store did not answer (<see cref="StateStoreUnreachable"/>) with
/// 503 and words a person can act on, instead of a bare 500: nothing was changed, try again once it is back. It
/// applies wherever the request met the outage — checking the session's cookie or API key, loading, saving — and
/// since each save is one transaction, "nothing was changed" holds. A rollout command that meets the outage after its
/// save never comes here: <c>RolloutService</c> answers it "saved" (<c>OutcomeKind.StoreLostAfterSave</c>, 202). Any
/// other exception is left to the next handler.
/// </summary>
public sealed partial class StateStoreUnreachableHandler(ILogger<StateStoreUnreachableHandler> logger) : IExceptionHandler
{
    /// <summary>How long a client should wait before trying again: the readiness checks' own interval.</summary>
    private static readonly string RetryAfterSeconds = ((int)DependencyWatch.Interval.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!StateStoreUnreachable.Is(exception))
        {
            return false;
        }

        LogUnreachable(exception.GetBaseException().Message);
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
        await TypedResults.Problem(
                title: "The state store cannot be reached.",
                detail: "Nothing was changed. The app's database did not answer; try again once it is back (/readyz and the banner on every page say when).",
                statusCode: StatusCodes.Status503ServiceUnavailable)
            .ExecuteAsync(httpContext);
        return true;
    }

    // The request log line beside it names the request; one line per refused request, as the outage lasts.
    [LoggerMessage(Level = LogLevel.Warning, Message = "A request was answered 503: the state store did not answer ({Problem})")]
    private partial void LogUnreachable(string problem);
}
