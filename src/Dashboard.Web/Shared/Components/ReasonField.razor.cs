using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Shared.Components;

/// <summary>Why: the reason every confirmation dialog asks for and the audit log records.</summary>
public sealed partial class ReasonField
{
    /// <summary>The reason typed so far.</summary>
    [Parameter]
    public string? Reason { get; set; }

    /// <summary>Raised on every keystroke.</summary>
    [Parameter]
    public EventCallback<string?> ReasonChanged { get; set; }

    /// <summary>Height of the field in lines.</summary>
    [Parameter]
    public int Lines { get; set; } = 3;
}
