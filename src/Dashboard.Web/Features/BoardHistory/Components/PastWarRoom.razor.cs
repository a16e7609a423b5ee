using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.BoardHistory.Components;

/// <summary>The war-room screen (<c>/warroom?at=</c>) as it was at a past moment, read once, with no action.</summary>
public sealed partial class PastWarRoom
{
    /// <summary>The moment as the address gives it.</summary>
    [Parameter, EditorRequired]
    public required string At { get; set; }

    /// <summary>The rollout asked for; null follows the one running then.</summary>
    [Parameter]
    public Guid? RolloutId { get; set; }
}
