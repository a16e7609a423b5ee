using System.Globalization;
using System.Text.Json;

namespace Dashboard.Core.Plans;

/// <summary>
/// The properties of one JSON object of a plan file, read leniently: a missing or <c>null</c>
/// property is null, a property of the wrong type is reported at its path and read as null, and
/// unknown or repeated properties are reported (a typo must not silently drop a rule).
/// </summary>
internal sealed class JsonFields
{
    private readonly Dictionary<string, JsonElement> fields = new(StringComparer.Ordinal);
    private readonly string path;
    private readonly List<PlanProblem> problems;

    private JsonFields(JsonElement element, string path, List<PlanProblem> problems, IReadOnlyCollection<string> known)
    {
        this.path = path;
        this.problems = problems;
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                Report(property.Name, $"unknown property '{property.Name}'");
            }
            else if (!fields.TryAdd(property.Name, property.Value))
            {
                Report(property.Name, $"property '{property.Name}' appears more than once");
            }
        }
    }

    /// <summary>The fields of <paramref name="element"/>, or null (reported) when it is not an object.</summary>
    public static JsonFields? Of(JsonElement element, string path, List<PlanProblem> problems, params string[] known)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return new JsonFields(element, path, problems, known);
        }

        problems.Add(new(path.Length == 0 ? "$" : path, $"expected an object, got {Describe(element)}"));
        return null;
    }

    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{element.GetString()}\"",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"{element.GetRawText()}",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    public string PathOf(string name) => path.Length == 0 ? name : $"{path}.{name}";

    public string? String(string name) => Value(name, (element, _) => element.ValueKind == JsonValueKind.String
        ? element.GetString()
        : Wrong<string>(name, "a string", element));

    /// <summary>A string, or a number kept as its invariant text ("5K learners" or 5000).</summary>
    public string? Text(string name) => Value(name, (element, _) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetRawText(),
        _ => Wrong<string>(name, "a string or a number", element),
    });

    public int? Integer(string name) => Value(name, (element, itemPath) => Integer(element, itemPath, problems));

    public double? Number(string name) => Value<double?>(name, (element, _) => element.ValueKind == JsonValueKind.Number
        ? element.GetDouble()
        : Wrong<double?>(name, "a number", element));

    public bool? Boolean(string name) => Value<bool?>(name, (element, _) => element.ValueKind is JsonValueKind.True or JsonValueKind.False
        ? element.GetBoolean()
        : Wrong<bool?>(name, "true or false", element));

    public TimeSpan? Duration(string name) => Value(name, (element, itemPath) => Duration(element, itemPath, problems));

    public TEnum? Enum<TEnum>(string name)
        where TEnum : struct, System.Enum => Value(name, (element, itemPath) => Enum<TEnum>(element, itemPath, problems));

    public List<T>? Array<T>(string name, Func<JsonElement, string, T> readItem) => Value(name, (element, itemPath) =>
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            return Wrong<List<T>>(name, "an array", element);
        }

        return element.EnumerateArray().Select((item, index) => readItem(item, $"{itemPath}[{index}]")).ToList();
    });

    public T? Object<T>(string name, Func<JsonElement, string, T?> readObject)
        where T : class => Value(name, readObject);

    public static int? Integer(JsonElement element, string path, List<PlanProblem> problems)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value))
        {
            return value;
        }

        problems.Add(new(path, element.ValueKind == JsonValueKind.Number
            ? $"expected a whole number, got {element.GetRawText()}"
            : $"expected a whole number, got {Describe(element)}"));
        return null;
    }

    public static TimeSpan? Duration(JsonElement element, string path, List<PlanProblem> problems)
    {
        if (element.ValueKind == JsonValueKind.String && PlanDuration.TryParse(element.GetString(), out var duration))
        {
            return duration;
        }

        problems.Add(new(path, element.ValueKind == JsonValueKind.String
            ? $"'{element.GetString()}' is not a duration ({PlanDuration.Examples})"
            : $"expected a duration string ({PlanDuration.Examples}), got {Describe(element)}"));
        return null;
    }

    public static TEnum? Enum<TEnum>(JsonElement element, string path, List<PlanProblem> problems)
        where TEnum : struct, System.Enum
    {
        if (element.ValueKind == JsonValueKind.String && PlanJsonText.TryParse<TEnum>(element.GetString(), out var value))
        {
            return value;
        }

        problems.Add(new(path, string.Create(CultureInfo.InvariantCulture,
            $"expected one of {PlanJsonText.Choices<TEnum>()}, got {Describe(element)}")));
        return null;
    }

    private T? Value<T>(string name, Func<JsonElement, string, T?> read) =>
        fields.TryGetValue(name, out var element) && element.ValueKind != JsonValueKind.Null
            ? read(element, PathOf(name))
            : default;

    private T? Wrong<T>(string name, string expected, JsonElement element)
    {
        Report(name, $"expected {expected}, got {Describe(element)}");
        return default;
    }

    private void Report(string name, string message) => problems.Add(new(PathOf(name), message));
}
