using Dashboard.Core.Plans;

namespace Dashboard.Core.Tests.Plans;

/// <summary>The example files in the repository's plans/ folder are documentation: they must stay valid.</summary>
public sealed class ExamplePlanFilesTests
{
    private static string PlansFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "plans");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(directory.FullName, "Directory.Build.props")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No plans/ folder above {AppContext.BaseDirectory}.");
    }

    public static TheoryData<string> ExampleFiles =>
        new(Directory.GetFiles(PlansFolder(), "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal));

    [Fact]
    public void PlansFolder_HasExamples()
    {
        Assert.NotEmpty(ExampleFiles);
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void ExampleFile_IsAValidPlanNamedLikeItsId(string fileName)
    {
        var result = PlanJson.Parse(File.ReadAllText(Path.Combine(PlansFolder(), fileName)));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(Path.GetFileNameWithoutExtension(fileName), result.Plan.Id);
        Assert.Null(BuiltInPlans.Find(result.Plan.Id));
    }
}
