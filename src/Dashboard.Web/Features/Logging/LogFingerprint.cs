using System.Security.Cryptography;
using System.Text;

namespace Dashboard.Web.Features.Logging;

/// <summary>
/// A stand-in for text that must not reach a log as typed — a user name that matches nobody is often a password typed
/// into the wrong box (docs/security.md, "Logs"). The same text gives the same fingerprint while the app runs, so
/// repeated attempts can still be told apart; the key is random per process, so a fingerprint cannot be reversed by
/// hashing guesses.
/// </summary>
public static class LogFingerprint
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    /// <summary>E.g. <c>typed#3f9a1c07</c>.</summary>
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(text));
        return "typed#" + Convert.ToHexStringLower(hash.AsSpan(0, 4));
    }
}
