using System.Diagnostics.CodeAnalysis;

namespace Dashboard.Core.Plans;

/// <summary>Either a valid plan or every problem found — never a partial plan.</summary>
public sealed record PlanParseResult
{
    private PlanParseResult(RolloutPlan? plan, IReadOnlyList<PlanProblem> problems)
    {
        Plan = plan;
        Problems = problems;
    }

    public RolloutPlan? Plan { get; }

    public IReadOnlyList<PlanProblem> Problems { get; }

    [MemberNotNullWhen(true, nameof(Plan))]
    public bool IsValid => Plan is not null;

    public static PlanParseResult Valid(RolloutPlan plan) => new(plan, []);

    public static PlanParseResult Invalid(IReadOnlyList<PlanProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count == 0)
        {
            throw new ArgumentException("An invalid result needs at least one problem.", nameof(problems));
        }

        return new(null, problems);
    }
}
