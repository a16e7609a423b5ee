namespace Dashboard.TestSupport;

/// <summary>Locates programs the tests start; a missing one fails the test with its install command.</summary>
public static class Prerequisites
{
    public static string Require(string program, string installCommand, params string[] knownPaths)
    {
        foreach (var path in knownPaths)
        {
            if (File.Exists(path))
            {
                return path;
            }
        }

        var pathVariable = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in pathVariable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new MissingPrerequisiteException(program, installCommand);
    }
}
