namespace Dashboard.Web.Features.Rollouts.Components;

/// <summary>What a person confirmed in an action dialog; who they are comes from their sign-in, not from the dialog.</summary>
public sealed record ActionInput(string Reason, int? Percent);
