using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Web.Features.Demo;

/// <summary>Writes <see cref="FaultKind"/> as camelCase text (<c>errorSpike</c>), never as a number.</summary>
internal sealed class FaultKindJsonConverter() : JsonStringEnumConverter<FaultKind>(JsonNamingPolicy.CamelCase, allowIntegerValues: false);
