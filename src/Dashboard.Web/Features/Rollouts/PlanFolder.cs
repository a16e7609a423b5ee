using Dashboard.Core.Plans;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Rollouts;

/// <summary>
/// The plans in <see cref="PlansOptions.Folder"/>. A file is taken only when it parses without a
/// single problem and its id is not a built-in's or another file's; every problem of a refused file
/// is logged with the file name and its JSON path, so a typo never yields a half-read plan.
/// </summary>
public sealed partial class PlanFolder(IOptions<PlansOptions> options, ILogger<PlanFolder> logger)
{
    private readonly Lazy<IReadOnlyList<RolloutPlan>> _plans = new(() => Load(options.Value.Folder, logger));

    /// <summary>The valid plans of the folder, by file name; read on first use.</summary>
    public IReadOnlyList<RolloutPlan> Plans => _plans.Value;

    public RolloutPlan? Find(string id) => Plans.FirstOrDefault(plan => string.Equals(plan.Id, id, StringComparison.Ordinal));

    private static List<RolloutPlan> Load(string folder, ILogger logger)
    {
        var plans = new List<RolloutPlan>();
        if (string.IsNullOrWhiteSpace(folder))
        {
            return plans;
        }

        var path = Path.GetFullPath(folder);
        if (!Directory.Exists(path))
        {
            LogFolderMissing(logger, path);
            return plans;
        }

        foreach (var file in Directory.EnumerateFiles(path, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var parsed = PlanJson.Parse(File.ReadAllText(file));
            if (!parsed.IsValid)
            {
                foreach (var problem in parsed.Problems)
                {
                    LogProblem(logger, name, problem.Path, problem.Message);
                }

                continue;
            }

            var plan = parsed.Plan;
            if (BuiltInPlans.Find(plan.Id) is not null || plans.Any(p => p.Id == plan.Id))
            {
                LogDuplicateId(logger, name, plan.Id);
                continue;
            }

            plans.Add(plan);
        }

        LogLoaded(logger, plans.Count, path);
        return plans;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plans folder {Folder} does not exist; no plan files loaded")]
    private static partial void LogFolderMissing(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Error, Message = "Plan file {File} refused: {Path}: {Problem}")]
    private static partial void LogProblem(ILogger logger, string file, string path, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Plan file {File} refused: id '{Id}' is already taken by a built-in plan or another file")]
    private static partial void LogDuplicateId(ILogger logger, string file, string id);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} plan file(s) loaded from {Folder}")]
    private static partial void LogLoaded(ILogger logger, int count, string folder);
}
