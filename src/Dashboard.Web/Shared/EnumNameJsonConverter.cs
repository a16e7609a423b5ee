using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Web.Shared;

/// <summary>
/// Writes and reads every enum as its member name ("AwaitingSignOff", "NoData"), so views keep their
/// enums and clients still see the strings they always saw. An enum that names its own converter
/// (<c>[JsonConverter]</c> on the type, e.g. the demo's camelCase fault kinds) keeps it: a converter in
/// the options would otherwise win over the type's attribute.
/// </summary>
public sealed class EnumNameJsonConverter : JsonConverterFactory
{
    private static readonly JsonStringEnumConverter Names = new();

    public override bool CanConvert(Type typeToConvert) =>
        Names.CanConvert(typeToConvert) && typeToConvert.GetCustomAttribute<JsonConverterAttribute>() is null;

    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        Names.CreateConverter(typeToConvert, options);
}
