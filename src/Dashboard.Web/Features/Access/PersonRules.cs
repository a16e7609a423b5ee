using Dashboard.Infrastructure.Persistence.Access;

namespace Dashboard.Web.Features.Access;

/// <summary>What a user name, display name and password must look like; shared by set-up, the admin page and configuration.</summary>
public static class PersonRules
{
    /// <summary>Null when <paramref name="userName"/> is usable: 2..100 characters of letters, digits, '.', '-', '_', '@'.</summary>
    public static string? ProblemWithUserName(string? userName)
    {
        var trimmed = userName?.Trim() ?? string.Empty;
        if (trimmed.Length is < 2 or > AccessLimits.NameLength)
        {
            return $"must be 2..{AccessLimits.NameLength} characters";
        }

        return trimmed.All(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '@')
            ? null
            : "may hold only letters, digits and . - _ @";
    }

    public static string? ProblemWithDisplayName(string? displayName)
    {
        var trimmed = displayName?.Trim() ?? string.Empty;
        return trimmed.Length is < 1 or > AccessLimits.NameLength ? $"must be 1..{AccessLimits.NameLength} characters" : null;
    }

    public static string? ProblemWithPassword(string? password, int minLength) =>
        password is null || password.Length < minLength ? $"must be at least {minLength} characters"
        : password.Length > 256 ? "must be at most 256 characters"
        : null;
}
