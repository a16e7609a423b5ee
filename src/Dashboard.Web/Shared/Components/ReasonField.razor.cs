using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Shared.Components;

/// <summary>
/// Why: the reason every confirmation dialog asks for and the audit log records. Says beside the field what
/// is wrong with it (<see cref="InputRules.Reason"/>) once something was typed; a dialog confirms only when
/// <see cref="InputRules.Reason"/> has nothing to say.
/// </summary>
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

    /// <summary>What the server said about the reason, if it refused it.</summary>
    [Parameter]
    public string? ServerProblem { get; set; }

    // Nothing typed yet is not an error to shout about: the helper text says it is required, and Confirm stays disabled.
    private string? Problem => (Reason is null ? null : InputRules.Reason(Reason)) ?? ServerProblem;
}
