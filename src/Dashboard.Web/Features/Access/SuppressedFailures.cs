namespace Dashboard.Web.Features.Access;

/// <summary>How many failures of the same source and kind went unaudited before this event, and since when.</summary>
public sealed record SuppressedFailures(int Count, DateTimeOffset? Since)
{
    public static SuppressedFailures None { get; } = new(0, null);

    /// <summary>"and 37 more since 12:00:05 UTC", or empty when none were suppressed.</summary>
    public string Note => Since is { } since && Count > 0
        ? $"and {Count} more since {since.UtcDateTime:HH:mm:ss} UTC"
        : string.Empty;
}
