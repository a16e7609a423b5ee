using Dashboard.Core.SignOffs;
using Dashboard.Web.Shared.Components;

namespace Dashboard.Web.Features.SignOffs;

/// <summary>One lead's word at a gate as the API and pages show it; <see cref="Decision"/> is "GO" or "NO-GO".</summary>
public sealed record SignOffView(string Role, string RoleText, string Decision, string Comment, string By, DateTimeOffset At)
{
    public const string GoText = "GO";
    public const string NoGoText = "NO-GO";

    public bool IsGo => Decision == GoText;

    public static SignOffView From(SignOff signOff)
    {
        ArgumentNullException.ThrowIfNull(signOff);
        return new(signOff.Role.ToString(), Vocabulary.Role(signOff.Role), Text(signOff.Decision), signOff.Comment, signOff.By, signOff.At);
    }

    public static string Text(SignOffDecision decision) => decision == SignOffDecision.Go ? GoText : NoGoText;
}
