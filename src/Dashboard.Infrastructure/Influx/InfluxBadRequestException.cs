namespace Dashboard.Infrastructure.Influx;

/// <summary>The server refused the request as malformed (400): a bad line, a field type conflict or an InfluxQL parse error. Never retried.</summary>
public class InfluxBadRequestException : InfluxException
{
    public InfluxBadRequestException()
    {
    }

    public InfluxBadRequestException(string message)
        : base(message)
    {
    }

    public InfluxBadRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InfluxBadRequestException(string message, int? statusCode, string? serverMessage, Exception? innerException = null)
        : base(message, statusCode, serverMessage, innerException)
    {
    }
}
