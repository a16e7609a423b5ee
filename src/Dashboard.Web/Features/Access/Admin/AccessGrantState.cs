using System.Text.Json.Serialization;

namespace Dashboard.Web.Features.Access.Admin;

/// <summary>Whether an API key or kiosk link still lets anyone in.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AccessGrantState>))]
public enum AccessGrantState
{
    /// <summary>Works until it expires or is revoked.</summary>
    Live,

    /// <summary>Its expiry passed; it lets nobody in.</summary>
    Expired,

    /// <summary>An admin revoked it; it lets nobody in.</summary>
    Revoked,
}
