namespace Dashboard.Infrastructure.Influx;

/// <summary>The server refused the body as too large (413) even after the batch was split down to one point.</summary>
public sealed class InfluxRequestTooLargeException : InfluxException
{
    public InfluxRequestTooLargeException()
    {
    }

    public InfluxRequestTooLargeException(string message)
        : base(message)
    {
    }

    public InfluxRequestTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InfluxRequestTooLargeException(string message, int? statusCode, string? serverMessage, Exception? innerException = null)
        : base(message, statusCode, serverMessage, innerException)
    {
    }
}
