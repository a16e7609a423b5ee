namespace Dashboard.Web.Features.Demo;

/// <summary>An active injected fault; it ends by itself at <see cref="EndsAt"/>.</summary>
public sealed record DemoFault(Guid Id, FaultKind Kind, double Magnitude, DateTimeOffset StartedAt, DateTimeOffset EndsAt);
