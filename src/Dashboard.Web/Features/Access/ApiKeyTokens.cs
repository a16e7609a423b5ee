using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Dashboard.Web.Features.Access;

/// <summary>
/// The API key format: <c>wrk_{prefix}_{secret}</c>. The prefix (12 lower-case base-32 characters) is public
/// and finds the key's row; the secret (32 random bytes, base64url) is stored only as its SHA-256 — a
/// secret with 256 bits of entropy needs no slow hash — and compared in constant time.
/// </summary>
public static class ApiKeyTokens
{
    public const string Marker = "wrk_";
    private const string Base32 = "abcdefghijklmnopqrstuvwxyz234567";
    private const int PrefixLength = 12;

    /// <summary>A new key: the token to show once, its prefix and the hash to store.</summary>
    public static (string Token, string Prefix, string SecretHash) Generate()
    {
        var prefix = string.Concat(RandomNumberGenerator.GetBytes(PrefixLength).Select(b => Base32[b % Base32.Length]));
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return ($"{Marker}{prefix}_{secret}", prefix, Hash(secret));
    }

    /// <summary>Splits a presented token; false when it is not in the key format.</summary>
    public static bool TryParse(string? token, [NotNullWhen(true)] out string? prefix, [NotNullWhen(true)] out string? secret)
    {
        prefix = secret = null;
        if (token is null || !token.StartsWith(Marker, StringComparison.Ordinal) || token.Length > 200)
        {
            return false;
        }

        var rest = token[Marker.Length..];
        var separator = rest.IndexOf('_', StringComparison.Ordinal);
        if (separator != PrefixLength || rest.Length <= separator + 1 || !rest[..separator].All(Base32.Contains))
        {
            return false;
        }

        prefix = rest[..separator];
        secret = rest[(separator + 1)..];
        return true;
    }

    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>True when <paramref name="secret"/> hashes to <paramref name="storedHash"/>, in constant time.</summary>
    public static bool Matches(string secret, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(storedHash));
}
