using Dashboard.Web.Features.Access;

namespace Dashboard.Web.Features.InputLimits;

/// <summary>Endpoint metadata: the operation the caller must be allowed before the body is read (<see cref="OperationGate"/>).</summary>
public sealed record OperationRequirement(Operation Operation);
