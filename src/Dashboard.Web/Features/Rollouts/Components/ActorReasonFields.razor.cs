using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Rollouts.Components;

/// <summary>Who confirms and why: the two fields every confirmation dialog asks for.</summary>
public sealed partial class ActorReasonFields
{
    [Parameter]
    public string? ActorName { get; set; }

    [Parameter]
    public EventCallback<string?> ActorNameChanged { get; set; }

    [Parameter]
    public string? Reason { get; set; }

    [Parameter]
    public EventCallback<string?> ReasonChanged { get; set; }
}
