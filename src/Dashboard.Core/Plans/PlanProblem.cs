namespace Dashboard.Core.Plans;

/// <summary>One thing wrong with a plan, at a JSON-style path such as <c>phases[1].checkpoints[2]</c>.</summary>
public sealed record PlanProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
