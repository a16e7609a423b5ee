using System.Globalization;
using Dashboard.Web.Shared;

namespace Dashboard.Web.Features.InputLimits;

/// <summary>
/// One page of a list endpoint: at most <see cref="Limit"/> items from <see cref="Offset"/>. Read from the query's
/// <c>limit</c> (1..<see cref="MaxLimit"/>, default <see cref="DefaultLimit"/>) and <c>cursor</c> (what the previous
/// page's <c>X-Next-Cursor</c> said). A limit over the maximum is refused, never clamped (docs/rollouts-api.md, "Pages").
/// </summary>
public sealed record PageRequest(int Limit, int Offset)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>What a list says of a <c>cursor</c> it did not give.</summary>
    public const string NotACursor = "is not a cursor this list gave: pass back the X-Next-Cursor of the previous page";

    /// <summary>The page asked for, or every problem of the query by parameter name.</summary>
    public static Outcome<PageRequest> Parse(string? limit, string? cursor)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var size = DefaultLimit;
        if (!string.IsNullOrWhiteSpace(limit) && InputRules.WholeNumber(limit, 1, MaxLimit, out size) is { } limitProblem)
        {
            problems["limit"] = [limitProblem];
        }

        var offset = 0;
        if (!string.IsNullOrWhiteSpace(cursor)
            && (!int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset < 0))
        {
            problems["cursor"] = [NotACursor];
        }

        return problems.Count > 0 ? Outcomes.Invalid<PageRequest>(problems) : Outcomes.Succeeded(new PageRequest(size, offset));
    }
}
