using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Access;

/// <summary>Fails start-up with one message per wrong <c>Auth:*</c> key.</summary>
public sealed class AccessOptionsValidator : IValidateOptions<AccessOptions>
{
    public ValidateOptionsResult Validate(string? name, AccessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxFailedSignIns is < 1 or > 100)
        {
            failures.Add($"Auth:MaxFailedSignIns must be within 1..100, got {options.MaxFailedSignIns}");
        }

        Span(failures, "LockoutDuration", options.LockoutDuration, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        Span(failures, "UnauthenticatedAuditInterval", options.UnauthenticatedAuditInterval, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Span(failures, "SessionLifetime", options.SessionLifetime, TimeSpan.FromMinutes(1), TimeSpan.FromDays(30));
        Span(failures, "RevalidationInterval", options.RevalidationInterval, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Span(failures, "MaxApiKeyLifetime", options.MaxApiKeyLifetime, TimeSpan.FromHours(1), TimeSpan.FromDays(3660));
        if (options.MinPasswordLength is < 8 or > 128)
        {
            failures.Add($"Auth:MinPasswordLength must be within 8..128, got {options.MinPasswordLength}");
        }

        var admin = options.InitialAdmin;
        if (admin.IsConfigured)
        {
            if (string.IsNullOrWhiteSpace(admin.UserName) || string.IsNullOrWhiteSpace(admin.Password))
            {
                failures.Add("Auth:InitialAdmin needs both UserName and Password (or neither, for a one-time set-up link)");
            }
            else if (PersonRules.ProblemWithUserName(admin.UserName) is { } userNameProblem)
            {
                failures.Add($"Auth:InitialAdmin:UserName {userNameProblem}");
            }
            else if (admin.Password.Length < options.MinPasswordLength)
            {
                failures.Add($"Auth:InitialAdmin:Password must be at least {options.MinPasswordLength} characters");
            }

            foreach (var role in admin.Roles.Where(role => !WarRoomRoles.TryParse(role, out _)))
            {
                failures.Add($"Auth:InitialAdmin:Roles has unknown role '{role}' (known: {string.Join(", ", WarRoomRoles.All)})");
            }
        }

        if (options.Oidc.Enabled)
        {
            if (!Uri.TryCreate(options.Oidc.Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
            {
                failures.Add($"Auth:Oidc:Authority must be an absolute http(s) URL, got '{options.Oidc.Authority}'");
            }
            else if (authority.Scheme == "http" && options.Oidc.RequireHttpsMetadata)
            {
                failures.Add("Auth:Oidc:Authority must be https (set Auth:Oidc:RequireHttpsMetadata=false only for a loopback test provider)");
            }

            if (string.IsNullOrWhiteSpace(options.Oidc.ClientId))
            {
                failures.Add("Auth:Oidc:ClientId is required when Auth:Oidc:Enabled is true");
            }

            if (string.IsNullOrWhiteSpace(options.Oidc.UserNameClaim))
            {
                failures.Add("Auth:Oidc:UserNameClaim is required when Auth:Oidc:Enabled is true");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Span(List<string> failures, string key, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            failures.Add($"Auth:{key} must be within {min}..{max}, got {value}");
        }
    }
}
