using System.Globalization;
using System.Text.RegularExpressions;

namespace Dashboard.Infrastructure.Influx;

/// <summary>
/// The server stored the good points of a batch and refused the others (400 "partial write").
/// The stored points must not be written again, so this is never retried.
/// </summary>
public sealed partial class InfluxPartialWriteException : InfluxException
{
    public InfluxPartialWriteException()
    {
    }

    public InfluxPartialWriteException(string message)
        : base(message)
    {
    }

    public InfluxPartialWriteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InfluxPartialWriteException(string message, int? statusCode, string? serverMessage, Exception? innerException = null)
        : base(message, statusCode, serverMessage, innerException)
    {
        var match = serverMessage is null ? null : DroppedPattern().Match(serverMessage);
        if (match is { Success: true } && int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var dropped))
        {
            DroppedPoints = dropped;
        }
    }

    /// <summary>
    /// Points the server said it dropped (<c>dropped=N</c>); null when it did not say. 1.x counts
    /// type conflicts here but reports unparsable lines with <c>dropped=0</c>.
    /// </summary>
    public int? DroppedPoints { get; }

    [GeneratedRegex(@"dropped=(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex DroppedPattern();
}
