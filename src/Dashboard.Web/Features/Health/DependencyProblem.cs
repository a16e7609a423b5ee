namespace Dashboard.Web.Features.Health;

/// <summary>The readiness check <paramref name="Check"/> (<c>stateStore</c>, <c>redis</c>) fails, for <paramref name="Reason"/>.</summary>
public sealed record DependencyProblem(string Check, string Reason);
