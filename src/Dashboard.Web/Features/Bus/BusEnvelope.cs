using System.Text.Json;

namespace Dashboard.Web.Features.Bus;

/// <summary>One message on a Redis channel of the bus: who sent it (so the sender ignores its own) and what it says.</summary>
/// <param name="Origin">The sending instance's id (<see cref="RedisInstanceBus.InstanceId"/>, new per process).</param>
/// <param name="Payload">The feed's message as JSON.</param>
public sealed record BusEnvelope(Guid Origin, JsonElement Payload);
