using System.Net;

namespace Dashboard.Infrastructure.Influx;

/// <summary>Turns a failed HTTP answer into the typed <see cref="InfluxException"/> carrying the server's own message.</summary>
internal static class InfluxErrorResponse
{
    public static async Task<InfluxException> ToExceptionAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var serverMessage = QueryResponseParser.TryReadError(body) ?? (body.Length > 1000 ? body[..1000] : body).Trim();
        var status = (int)response.StatusCode;
        var message = $"InfluxDB {operation} failed with {status} {response.ReasonPhrase}: {serverMessage}";
        // 1.6.7 answers an unknown retention policy with 500 "retention policy not found"; retrying cannot help.
        if (response.StatusCode == HttpStatusCode.NotFound
            || serverMessage.Contains("database not found", StringComparison.OrdinalIgnoreCase)
            || serverMessage.Contains("retention policy not found", StringComparison.OrdinalIgnoreCase))
        {
            return new InfluxDatabaseNotFoundException(message, status, serverMessage);
        }

        return response.StatusCode switch
        {
            HttpStatusCode.BadRequest when serverMessage.StartsWith("partial write", StringComparison.OrdinalIgnoreCase)
                => new InfluxPartialWriteException(message, status, serverMessage),
            HttpStatusCode.BadRequest => new InfluxBadRequestException(message, status, serverMessage),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new InfluxUnauthorizedException(message, status, serverMessage),
            HttpStatusCode.RequestEntityTooLarge => new InfluxRequestTooLargeException(message, status, serverMessage),
            HttpStatusCode.TooManyRequests => new InfluxUnavailableException(message, status, serverMessage),
            _ when status >= 500 => new InfluxServerErrorException(message, status, serverMessage),
            _ => new InfluxException(message, status, serverMessage),
        };
    }
}
