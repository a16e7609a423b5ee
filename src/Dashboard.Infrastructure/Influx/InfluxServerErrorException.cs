namespace Dashboard.Infrastructure.Influx;

/// <summary>The server failed (5xx) on every attempt the retry policy allowed.</summary>
public sealed class InfluxServerErrorException : InfluxException
{
    public InfluxServerErrorException()
    {
    }

    public InfluxServerErrorException(string message)
        : base(message)
    {
    }

    public InfluxServerErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InfluxServerErrorException(string message, int? statusCode, string? serverMessage, Exception? innerException = null)
        : base(message, statusCode, serverMessage, innerException)
    {
    }
}
