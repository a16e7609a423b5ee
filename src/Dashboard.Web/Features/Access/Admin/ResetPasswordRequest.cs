namespace Dashboard.Web.Features.Access.Admin;

/// <summary>The person's new password; resetting it also clears a lockout.</summary>
public sealed record ResetPasswordRequest(string? Password);
