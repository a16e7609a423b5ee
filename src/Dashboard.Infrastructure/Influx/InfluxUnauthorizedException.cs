namespace Dashboard.Infrastructure.Influx;

/// <summary>The credentials were missing or wrong (401) or lack the permission (403). Never retried.</summary>
public sealed class InfluxUnauthorizedException : InfluxException
{
    public InfluxUnauthorizedException()
    {
    }

    public InfluxUnauthorizedException(string message)
        : base(message)
    {
    }

    public InfluxUnauthorizedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InfluxUnauthorizedException(string message, int? statusCode, string? serverMessage, Exception? innerException = null)
        : base(message, statusCode, serverMessage, innerException)
    {
    }
}
