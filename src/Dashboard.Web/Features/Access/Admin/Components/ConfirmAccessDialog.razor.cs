using Dashboard.Web.Shared.Components;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Access.Admin.Components;

/// <summary>"Are you sure?" for an access change without fields (disable, enable, unlock, revoke); stays open with the server's words when it refuses.</summary>
public sealed partial class ConfirmAccessDialog : ConfirmationDialog
{
    /// <summary>What will happen, in a sentence.</summary>
    [Parameter, EditorRequired]
    public required string Message { get; set; }

    /// <summary>The confirm button's text.</summary>
    [Parameter, EditorRequired]
    public required string ConfirmLabel { get; set; }

    /// <summary>Red confirm button: the change takes something away.</summary>
    [Parameter]
    public bool Danger { get; set; }

    /// <summary>Makes the change; returns null when done, otherwise why not.</summary>
    [Parameter, EditorRequired]
    public required Func<Task<string?>> Submit { get; set; }

    protected override bool CanConfirm => true;

    private Task ConfirmChangeAsync() => ConfirmAsync(async () => (null, await Submit()));
}
