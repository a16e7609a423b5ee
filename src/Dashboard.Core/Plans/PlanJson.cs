using System.Text.Json;

namespace Dashboard.Core.Plans;

/// <summary>
/// The JSON file format of plans (docs/plans.md): camelCase, durations as "15m"/"1.5h"/"7d",
/// comparators as "&lt;"/"&gt;=" or names. Parsing reports every problem at once and yields a plan
/// only when there are none.
/// </summary>
public static class PlanJson
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        // Plan files are edited by hand: allow comments and a trailing comma.
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static PlanParseResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException exception)
        {
            return PlanParseResult.Invalid([SyntaxProblem(exception)]);
        }

        using (document)
        {
            var shapeProblems = new List<PlanProblem>();
            var draft = PlanJsonReader.Read(document.RootElement, shapeProblems);
            if (draft is null)
            {
                return PlanParseResult.Invalid(shapeProblems);
            }

            // A wrongly typed field is read as missing: drop the rule problems that only repeat it.
            var ruleProblems = PlanValidator.Validate(draft)
                .Where(problem => !shapeProblems.Any(shape => Covers(shape.Path, problem.Path)));
            var problems = shapeProblems.Concat(ruleProblems).ToList();
            return problems.Count == 0
                ? PlanParseResult.Valid(PlanDraftMapping.ToPlan(draft))
                : PlanParseResult.Invalid(problems);
        }
    }

    /// <summary>The plan as an indented JSON file that <see cref="Parse"/> reads back to the same plan.</summary>
    public static string Serialize(RolloutPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return PlanJsonWriter.Write(plan);
    }

    private static PlanProblem SyntaxProblem(JsonException exception)
    {
        var message = exception.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }

        var where = exception.LineNumber is { } line
            ? $" at line {line + 1}, position {(exception.BytePositionInLine ?? 0) + 1}"
            : string.Empty;
        return new("$", $"invalid JSON{where}: {message.Trim()}");
    }

    private static bool Covers(string reported, string path) =>
        path == reported
        || (path.StartsWith(reported, StringComparison.Ordinal) && path.Length > reported.Length && path[reported.Length] is '.' or '[');
}
