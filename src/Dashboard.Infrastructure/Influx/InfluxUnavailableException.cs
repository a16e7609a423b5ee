namespace Dashboard.Infrastructure.Influx;

/// <summary>The server could not be reached (connection refused, DNS, timeout) or kept answering 429 Too Many Requests; <see cref="InfluxException.StatusCode"/> is null except for 429.</summary>
public sealed class InfluxUnavailableException : InfluxException
{
    public InfluxUnavailableException()
    {
    }

    public InfluxUnavailableException(string message)
        : base(message)
    {
    }

    public InfluxUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InfluxUnavailableException(string message, int? statusCode, string? serverMessage, Exception? innerException = null)
        : base(message, statusCode, serverMessage, innerException)
    {
    }
}
