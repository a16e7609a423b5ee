namespace Dashboard.TestSupport;

/// <summary>Finds the repository and the web app's build output from a test's own folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release, whichever the running tests were built as.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";

    public static string WebAppDll =>
        Path.Combine(Root, "src", "Dashboard.Web", "bin", Configuration, "net10.0", "Dashboard.Web.dll");

    /// <summary>Where tests leave screenshots and other artifacts for people to look at.</summary>
    public static string Artifacts
    {
        get
        {
            var folder = Path.Combine(Root, "TestResults", "artifacts");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dashboard.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Dashboard.sln above {AppContext.BaseDirectory}.");
    }
}
