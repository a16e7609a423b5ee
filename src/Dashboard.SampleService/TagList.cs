namespace Dashboard.SampleService;

/// <summary>Comma-separated tag values, as they are easy to pass on a command line or in an environment variable.</summary>
public static class TagList
{
    public static IReadOnlyList<string> Parse(string? list) =>
        (list ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
