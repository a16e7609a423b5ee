using System.Text;

namespace Dashboard.Infrastructure.Influx;

/// <summary>
/// Quotes user values for InfluxQL text. Use these for every value that did not come from our own
/// code: InfluxDB 3.x has no bind parameters, so quoting is the one portable defence.
/// A carriage return is refused: 1.x's scanner turns it into a newline before lexing and InfluxQL
/// has no escape for it, so no literal can carry it (a parse error at best).
/// </summary>
public static class InfluxQl
{
    /// <summary>A string literal: <c>'…'</c> with <c>\</c>, <c>'</c> and newline escaped.</summary>
    public static string StringLiteral(string value) => Quote(value, '\'');

    /// <summary>A quoted identifier: <c>"…"</c> with <c>\</c>, <c>"</c> and newline escaped.</summary>
    public static string Identifier(string name) => Quote(name, '"');

    private static string Quote(string text, char quote)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 2);
        builder.Append(quote);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\':
                    builder.Append(@"\\");
                    break;
                case '\n':
                    builder.Append(@"\n");
                    break;
                case '\r':
                    throw new ArgumentException($"InfluxQL cannot carry a carriage return in {(quote == '"' ? "an identifier" : "a string literal")}.", nameof(text));
                default:
                    if (c == quote)
                    {
                        builder.Append('\\');
                    }

                    builder.Append(c);
                    break;
            }
        }

        builder.Append(quote);
        return builder.ToString();
    }
}
