using System.Text.Json;

namespace Dashboard.Web.Features.Rollouts;

/// <summary>A plan as the API shows it: <see cref="Source"/> is <c>builtIn</c>, <c>file</c> or <c>stored</c>; <see cref="Definition"/> is the plan file (docs/plans.md).</summary>
public sealed record PlanView(string Id, string Name, string? Description, string Source, int PhaseCount, JsonElement Definition);
