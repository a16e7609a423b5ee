namespace Dashboard.Infrastructure.Influx;

/// <summary>The database (or retention policy) does not exist (404, or 1.x's <c>database not found</c>). Never retried.</summary>
public sealed class InfluxDatabaseNotFoundException : InfluxException
{
    public InfluxDatabaseNotFoundException()
    {
    }

    public InfluxDatabaseNotFoundException(string message)
        : base(message)
    {
    }

    public InfluxDatabaseNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InfluxDatabaseNotFoundException(string message, int? statusCode, string? serverMessage, Exception? innerException = null)
        : base(message, statusCode, serverMessage, innerException)
    {
    }
}
