namespace Dashboard.Web.Features.Rollouts.Components;

/// <summary>
/// The name a person typed into their last confirmation dialog, kept for the browser tab's
/// circuit so the next dialog is prefilled. It is only a convenience until sign-in exists
/// (issue 5): the server records whatever name is confirmed with each action.
/// </summary>
public sealed class OperatorName
{
    public string? Value { get; set; }
}
