using System.Security.Cryptography;
using System.Text;
using Dashboard.Infrastructure.Persistence.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Access;

/// <summary>
/// The first run: with nobody in the state store, creates the admin from <c>Auth:InitialAdmin</c>, or makes a
/// one-time set-up token and prints the link <c>/setup?token=…</c>. The token lives in memory only, is good
/// for one admin (a restart prints a new one) and stops working the moment anyone exists.
/// </summary>
public sealed partial class FirstRunSetup(
    PeopleStore people, IPasswordHasher<PersonRecord> hasher, IOptions<AccessOptions> options, ILogger<FirstRunSetup> logger)
{
    public const string SetupPath = "/setup";
    private byte[]? _tokenHash;

    /// <summary>True while nobody exists and a set-up token is waiting to be used.</summary>
    public bool IsPending => Volatile.Read(ref _tokenHash) is not null;

    /// <summary>Runs once at start-up; returns the set-up path to print, or null when no set-up is needed.</summary>
    public async Task<string?> PrepareAsync(CancellationToken cancellationToken = default)
    {
        if (await people.AnyAsync(cancellationToken))
        {
            return null;
        }

        var admin = options.Value.InitialAdmin;
        if (admin.IsConfigured)
        {
            var draft = new PersonDraft(
                admin.UserName.Trim(),
                string.IsNullOrWhiteSpace(admin.DisplayName) ? admin.UserName.Trim() : admin.DisplayName.Trim(),
                hasher.HashPassword(null!, admin.Password),
                WarRoomRoles.FormatList(admin.Roles.Select(r => WarRoomRoles.TryParse(r, out var role) ? role : WarRoomRole.Viewer).Append(WarRoomRole.Admin)));
            if (await people.CreateAsync(draft, "first run (configuration)", onlyIfNobodyExists: true, cancellationToken) is { } created)
            {
                LogCreated(created.UserName);
            }

            return null;
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        Volatile.Write(ref _tokenHash, SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        return $"{SetupPath}?token={token}";
    }

    /// <summary>True when <paramref name="token"/> is the waiting set-up token.</summary>
    public bool Accepts(string? token)
    {
        var expected = Volatile.Read(ref _tokenHash);
        return expected is not null && token is { Length: > 0 and < 200 }
            && CryptographicOperations.FixedTimeEquals(expected, SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>
    /// Creates the first admin with <paramref name="token"/>: the admin as stored, or the problems by field. Only
    /// into an empty store: a second set-up, or one after someone exists, is refused.
    /// </summary>
    public async Task<(PersonRecord? Admin, Dictionary<string, string[]>? Problems)> CompleteAsync(
        string? token, string? userName, string? displayName, string? password, CancellationToken cancellationToken = default)
    {
        var problems = new Dictionary<string, string[]>();
        if (!Accepts(token))
        {
            problems["token"] = ["The set-up link is not valid any more. Restart the app for a new one, or ask an admin."];
            return (null, problems);
        }

        Add(problems, "userName", PersonRules.ProblemWithUserName(userName));
        Add(problems, "displayName", PersonRules.ProblemWithDisplayName(string.IsNullOrWhiteSpace(displayName) ? userName : displayName));
        Add(problems, "password", PersonRules.ProblemWithPassword(password, options.Value.MinPasswordLength));
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var draft = new PersonDraft(
            userName!.Trim(), string.IsNullOrWhiteSpace(displayName) ? userName.Trim() : displayName.Trim(), hasher.HashPassword(null!, password!),
            WarRoomRoles.FormatList([WarRoomRole.Admin, WarRoomRole.Operator]));
        var admin = await people.CreateAsync(draft, "first run (set-up link)", onlyIfNobodyExists: true, cancellationToken);
        Volatile.Write(ref _tokenHash, null);
        if (admin is null)
        {
            problems["token"] = ["Someone already completed the set-up."];
            return (null, problems);
        }

        LogCreated(admin.UserName);
        return (admin, null);
    }

    /// <summary>Prints the set-up link with the address the app listens on, to the console and the log.</summary>
    public static void Announce(WebApplication app, string setupPath)
    {
        ArgumentNullException.ThrowIfNull(app);
        var address = app.Urls.FirstOrDefault()?.TrimEnd('/') ?? string.Empty;
        var link = address + setupPath;
        Console.WriteLine();
        Console.WriteLine("  First run: nobody can sign in yet. Create the first admin at");
        Console.WriteLine($"    {link}");
        Console.WriteLine("  (the link works once, until someone exists; a restart prints a new one)");
        Console.WriteLine();
        LogSetupLink(app.Services.GetRequiredService<ILogger<FirstRunSetup>>(), link);
    }

    private static void Add(Dictionary<string, string[]> problems, string field, string? problem)
    {
        if (problem is not null)
        {
            problems[field] = [$"{field} {problem}"];
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "First run: create the first admin at {Link}")]
    private static partial void LogSetupLink(ILogger logger, string link);

    [LoggerMessage(Level = LogLevel.Warning, Message = "First run: created the admin {UserName}")]
    private partial void LogCreated(string userName);
}
