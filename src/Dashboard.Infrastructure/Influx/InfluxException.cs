namespace Dashboard.Infrastructure.Influx;

/// <summary>
/// Base of every InfluxDB failure. <see cref="ServerMessage"/> is the server's own error text
/// when it gave one; <see cref="StatusCode"/> is null for transport failures and timeouts.
/// </summary>
public class InfluxException : Exception
{
    public InfluxException()
    {
    }

    public InfluxException(string message)
        : base(message)
    {
    }

    public InfluxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InfluxException(string message, int? statusCode, string? serverMessage, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ServerMessage = serverMessage;
    }

    public int? StatusCode { get; }
    public string? ServerMessage { get; }
}
