using Dashboard.Infrastructure.Persistence.Access;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Integration.Tests.Access;

/// <summary>The real password hasher, counting how often a stored hash of a person was checked (decoy checks are not).</summary>
internal sealed class CountingPasswordHasher : IPasswordHasher<PersonRecord>
{
    private readonly PasswordHasher<PersonRecord> _real = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _checks = new(StringComparer.Ordinal);

    /// <summary>How often <paramref name="hashedPassword"/> was verified against.</summary>
    public int ChecksOf(string hashedPassword) => _checks.GetValueOrDefault(hashedPassword);

    public string HashPassword(PersonRecord user, string password) => _real.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(PersonRecord user, string hashedPassword, string providedPassword)
    {
        _checks.AddOrUpdate(hashedPassword, 1, (_, count) => count + 1);
        return _real.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
