using Dashboard.Core.Rollouts;
using Dashboard.Web.Shared;

namespace Dashboard.Web.Features.Rollouts;

/// <summary>
/// Every problem of a rollout request by field, found before anything is loaded or saved, in the words the
/// dialogs show beside their fields (<see cref="InputRules"/>). The aggregate checks again; these rules let
/// one 400 list them all instead of the first.
/// </summary>
public static class RolloutRequestRules
{
    /// <summary>Problems of a new rollout's fields (whether its plan exists is the catalog's to say).</summary>
    public static Dictionary<string, string[]> Check(CreateRolloutRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Add(problems, "service", InputRules.RequiredText(request.Service, InputRules.MaxNameLength, "a service is required"));
        Add(problems, "baselineVersion", InputRules.RequiredText(request.BaselineVersion, InputRules.MaxNameLength, "the baseline version is required"));
        Add(problems, "candidateVersion", InputRules.RequiredText(request.CandidateVersion, InputRules.MaxNameLength, "the candidate version is required")
            ?? SameVersion(request.BaselineVersion, request.CandidateVersion));
        Add(problems, "planId", string.IsNullOrWhiteSpace(request.PlanId) ? "a plan is required" : null);
        Add(problems, "reason", InputRules.Reason(request.Reason));
        return problems;
    }

    /// <summary>Problems of an action's reason and, for a traffic change, its percent.</summary>
    public static Dictionary<string, string[]> Check(RolloutCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (command.Action == RolloutAction.ChangeTraffic)
        {
            Add(problems, "percent", command.Percent is { } percent
                ? InputRules.WholeNumber(percent, 0, 100)
                : InputRules.WholeNumber(null, 0, 100, out _));
        }

        Add(problems, "reason", InputRules.Reason(command.Reason));
        return problems;
    }

    /// <summary>The candidate must differ from the baseline, or there is nothing to roll out.</summary>
    public static string? SameVersion(string? baseline, string? candidate) =>
        !string.IsNullOrWhiteSpace(candidate) && string.Equals(baseline?.Trim(), candidate.Trim(), StringComparison.Ordinal)
            ? "must differ from the baseline version"
            : null;

    private static void Add(Dictionary<string, string[]> problems, string field, string? problem)
    {
        if (problem is not null)
        {
            problems[field] = [problem];
        }
    }
}
