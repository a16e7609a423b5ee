using Dashboard.Core.Plans;

namespace Dashboard.Core.SignOffs;

/// <summary>
/// One GO or NO-GO by a person for one role at one gate. A change of mind is a new sign-off; the latest
/// per role counts.
/// </summary>
public sealed record SignOff(SignOffRole Role, SignOffDecision Decision, string By, DateTimeOffset At, string Comment);
