namespace Dashboard.Web.Features.SignOffs;

/// <summary>A role the gate requires and its latest sign-off of the phase's current run (null: waiting).</summary>
public sealed record GateRoleView(string Role, string RoleText, SignOffView? Latest);
