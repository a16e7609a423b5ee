using Microsoft.AspNetCore.SignalR;

namespace Dashboard.Web.Shared;

public static class WireJsonServiceCollectionExtensions
{
    /// <summary>
    /// The JSON the app sends: enums as their names (<see cref="EnumNameJsonConverter"/>) on the REST API
    /// (problem details included) and on the <c>/hubs/live</c> hub, so both carry the same strings.
    /// </summary>
    public static IServiceCollection AddWireJson(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new EnumNameJsonConverter()));
        services.Configure<JsonHubProtocolOptions>(options => options.PayloadSerializerOptions.Converters.Add(new EnumNameJsonConverter()));
        return services;
    }
}
