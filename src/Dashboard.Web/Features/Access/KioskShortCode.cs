using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Dashboard.Web.Features.Access;

/// <summary>
/// The short code of a kiosk link (<c>/k/7KQ2-MX9D</c>), for typing on a TV: 8 characters of Crockford's
/// base 32 (no I, L, O or U), so 40 random bits from <see cref="RandomNumberGenerator"/>. Read case-insensitively,
/// with or without the dash, O as 0 and I or L as 1. Only its SHA-256 is stored; guessing is bounded by
/// <see cref="KioskCodeAttempts"/> (docs/access.md, "Kiosk links").
/// </summary>
public static class KioskShortCode
{
    public const string PathPrefix = "/k/";
    public const int Length = 8;
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int GroupLength = 4;

    /// <summary>A new random code, as people see it: <c>7KQ2-MX9D</c>.</summary>
    public static string Generate()
    {
        var symbols = RandomNumberGenerator.GetItems<char>(Alphabet, Length);
        return new string(symbols, 0, GroupLength) + "-" + new string(symbols, GroupLength, Length - GroupLength);
    }

    /// <summary>The code as stored and compared (8 upper-case symbols), or false when <paramref name="typed"/> cannot be one.</summary>
    public static bool TryNormalize(string? typed, [NotNullWhen(true)] out string? code)
    {
        code = null;
        if (typed is null || typed.Length > 2 * Length)
        {
            return false;
        }

        var builder = new StringBuilder(Length);
        foreach (var c in typed.Trim())
        {
            if (c is '-' or ' ')
            {
                continue;
            }

            var symbol = char.ToUpperInvariant(c) switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                var upper => upper,
            };
            if (!Alphabet.Contains(symbol, StringComparison.Ordinal))
            {
                return false;
            }

            builder.Append(symbol);
        }

        if (builder.Length != Length)
        {
            return false;
        }

        code = builder.ToString();
        return true;
    }

    /// <summary>What is stored for <paramref name="code"/> (as typed or normalized): the SHA-256 of its normalized form, in hex.</summary>
    public static string Hash(string code) =>
        TryNormalize(code, out var normalized)
            ? Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(normalized)))
            : throw new ArgumentException("Not a kiosk short code.", nameof(code));

    /// <summary>The relative link a screen opens: <c>/k/7KQ2-MX9D</c>.</summary>
    public static string PathFor(string code) => PathPrefix + code;
}
