using Dashboard.Core.Plans;
using Dashboard.Core.SignOffs;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Shared.Components;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.SignOffs.Components;

/// <summary>Asks a lead for the comment of a GO or NO-GO and records it through <see cref="GateService"/>, the same path as the REST API.</summary>
public sealed partial class SignOffDialog : ConfirmationDialog
{
    private string? _comment;

    [Inject]
    public required GateService Gates { get; init; }

    [Inject]
    public required CurrentActor CurrentActor { get; init; }

    /// <summary>The rollout signed for.</summary>
    [Parameter, EditorRequired]
    public Guid RolloutId { get; set; }

    /// <summary>The phase whose gate is signed.</summary>
    [Parameter, EditorRequired]
    public int PhaseIndex { get; set; }

    /// <summary>The phase's name, for the title.</summary>
    [Parameter]
    public string PhaseName { get; set; } = string.Empty;

    /// <summary>The lead role signed for; the service checks the signed-in person holds it.</summary>
    [Parameter, EditorRequired]
    public SignOffRole Role { get; set; }

    /// <summary>GO or NO-GO.</summary>
    [Parameter, EditorRequired]
    public SignOffDecision Decision { get; set; }

    private static readonly IReadOnlySet<string> RequestFields = new HashSet<string>(StringComparer.Ordinal) { "comment" };

    protected override IReadOnlySet<string> Fields => RequestFields;

    protected override bool CanConfirm => GateService.CommentProblem(_comment, Decision) is null;

    // Nothing typed yet shows no error (the label says what to write); Record stays disabled until it is right.
    private string? CommentProblem => ProblemOf("comment", _comment is null ? null : GateService.CommentProblem(_comment, Decision));

    private Task ConfirmSignAsync() => ConfirmAsync(
        async () => await Gates.SignAsync(
            RolloutId, PhaseIndex, new SignOffRequest(Role.ToString(), SignOffView.Text(Decision), _comment), await CurrentActor.GetAsync()),
        "The sign-off could not be recorded.");
}
