using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace Dashboard.Web.Shared;

/// <summary>
/// Answers a request body the API cannot read — <c>"percent": "abc"</c>, a malformed date, broken JSON — the
/// way the services answer a value they refuse: a validation problem keyed by the field, in words
/// (README, "HTTP interfaces"). Without it the framework answers a bare 400 that names nothing. Minimal
/// APIs throw these (<c>RouteHandlerOptions.ThrowOnBadRequest</c>, set by <c>AddUnreadableRequestAnswers</c>);
/// any other exception is left to the default handler.
/// </summary>
public sealed partial class UnreadableRequestHandler : IExceptionHandler
{
    /// <summary>The key of a problem with the body as a whole (no field can be named).</summary>
    public const string BodyKey = "body";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        // Written as JSON whatever the Accept header says, like every other refusal of the API (OutcomeHttpResults).
        if (bad.StatusCode != StatusCodes.Status400BadRequest)
        {
            // 413, 415 …: not a value to correct but a request the endpoint does not take.
            await TypedResults.Problem(detail: bad.Message, statusCode: bad.StatusCode, title: "The request could not be taken.").ExecuteAsync(httpContext);
            return true;
        }

        var problems = bad.InnerException is JsonException json
            ? new Dictionary<string, string[]> { [FieldOf(json)] = [ProblemOf(json)] }
            : new Dictionary<string, string[]> { [BodyKey] = [bad.Message] };
        await TypedResults.ValidationProblem(problems, detail: "The request could not be read; nothing was changed.", title: "The request is invalid.")
            .ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>
    /// The field a value could not be converted for: "percent", "phases[1].weight" (the JSON path without its root);
    /// <see cref="BodyKey"/> when the JSON itself is broken, since then no field can be trusted.
    /// </summary>
    public static string FieldOf(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var path = exception.Path;
        if (!ConvertedTo().IsMatch(exception.Message) || string.IsNullOrEmpty(path) || path == "$")
        {
            return BodyKey;
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    /// <summary>What the value must be, in words: "must be a whole number", "must be one of: Go, NoGo", or where the JSON breaks.</summary>
    public static string ProblemOf(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (ConvertedTo().Match(exception.Message) is { Success: true } match)
        {
            return $"must be {Expected(MemberType(match.Groups["type"].Value, exception.Path))}";
        }

        return exception.LineNumber is { } line && exception.BytePositionInLine is { } position
            ? string.Create(CultureInfo.InvariantCulture, $"is not valid JSON (line {line + 1}, position {position + 1})")
            : "is not valid JSON";
    }

    /// <summary>
    /// The type the value at <paramref name="path"/> should have. System.Text.Json names the member's own type, or —
    /// for a record bound through its constructor — the record's, whose property the path's last name then is.
    /// </summary>
    private static Type? MemberType(string typeName, string? path)
    {
        var named = Nullable().Match(typeName) is { Success: true } inner ? inner.Groups["type"].Value : typeName;
        var type = FindType(named);
        var member = path?[(path.LastIndexOf('.') + 1)..];
        var element = member?.EndsWith(']') == true;
        member = member?.Split('[')[0];
        var property = type is null || type.IsPrimitive || type.IsEnum || string.IsNullOrEmpty(member)
            ? null
            : type.GetProperty(member, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        var found = property?.PropertyType is { } propertyType && element ? ElementOf(propertyType) : property?.PropertyType ?? type;
        return found is null ? null : System.Nullable.GetUnderlyingType(found) ?? found;
    }

    /// <summary>The T of a list of T ("roles[0]" names one role).</summary>
    private static Type? ElementOf(Type list) =>
        list.IsArray ? list.GetElementType() : list.GetInterfaces().Append(list)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static string Expected(Type? type) => type switch
    {
        null => "a value of the documented shape",
        _ when type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) => "a whole number",
        _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => "a number",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => "a date and time such as 2026-12-06T03:00:00Z",
        _ when type == typeof(DateOnly) => "a date such as 2026-12-06",
        _ when type == typeof(TimeSpan) => "a duration such as 00:30:00",
        _ when type == typeof(Guid) => "an id such as 3f2504e0-4f89-11d3-9a0c-0305e82c3301",
        _ when type == typeof(string) => "text",
        { IsEnum: true } => $"one of: {string.Join(", ", Enum.GetNames(type))}",
        _ when type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) => "a list",
        _ => "an object of the documented shape",
    };

    private static Type? FindType(string fullName) =>
        Type.GetType(fullName) ?? AppDomain.CurrentDomain.GetAssemblies()
            .Where(assembly => assembly.FullName?.StartsWith("Dashboard.", StringComparison.Ordinal) == true)
            .Select(assembly => assembly.GetType(fullName))
            .FirstOrDefault(type => type is not null);

    [GeneratedRegex(@"could not be converted to (?<type>[^\s]+?)\.? Path:", RegexOptions.CultureInvariant)]
    private static partial Regex ConvertedTo();

    [GeneratedRegex(@"^System\.Nullable`1\[(?<type>[^\]]+)\]$", RegexOptions.CultureInvariant)]
    private static partial Regex Nullable();
}

public static class UnreadableRequestServiceCollectionExtensions
{
    /// <summary>Makes minimal APIs throw on a body they cannot read and answers it with <see cref="UnreadableRequestHandler"/>.</summary>
    public static IServiceCollection AddUnreadableRequestAnswers(this IServiceCollection services)
    {
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<UnreadableRequestHandler>();
        return services;
    }
}
