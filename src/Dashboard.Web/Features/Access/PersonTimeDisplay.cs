using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Persistence.Access;
using Dashboard.Web.Shared.Time;

namespace Dashboard.Web.Features.Access;

/// <summary>
/// The circuit's <see cref="TimeDisplay"/>: a signed-in person's local-time setting, kept server-side with their
/// account (<see cref="PersonTimeZoneStore"/>) so it follows them to every browser; UTC only for kiosk screens,
/// API keys, automation and anonymous viewers. Read once per circuit (again after a read that met an unreachable
/// state store); a change raises <see cref="Changed"/> so the open page follows at once.
/// </summary>
public sealed class PersonTimeDisplay(CurrentActor currentActor, PersonTimeZoneStore store) : ITimeDisplaySource
{
    private Task<TimeDisplay>? _read;

    public event Action<TimeDisplay>? Changed;

    public async Task<TimeDisplay> ReadAsync(CancellationToken cancellationToken = default)
    {
        var read = _read ??= LoadAsync(cancellationToken);
        try
        {
            return await read;
        }
        catch (Exception ex) when (StateStoreUnreachable.Is(ex))
        {
            // A time shown while the state store is down (a banner that appears meanwhile) must not end the circuit:
            // UTC alone for now, and the setting is read again by the next time shown, once the store answers.
            _ = Interlocked.CompareExchange(ref _read, null, read);
            return TimeDisplay.UtcOnly;
        }
    }

    /// <summary>
    /// Shows local time in <paramref name="zoneId"/> (an IANA name, as the browser reports it) beside UTC, or UTC only
    /// for null. Null on success; otherwise why it was refused (an unknown zone is refused, never replaced by another).
    /// </summary>
    public async Task<string?> ChooseAsync(string? zoneId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        if (actor.Kind != ActorKind.Person)
        {
            return "Only a signed-in person has a local-time setting; this screen shows UTC.";
        }

        if (zoneId is { Length: > AccessLimits.TimeZoneLength })
        {
            return $"A time zone name has at most {AccessLimits.TimeZoneLength} characters.";
        }

        TimeZoneInfo? zone = null;
        if (zoneId is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out zone))
        {
            return $"The time zone '{zoneId}' is not known to the server; times stay in UTC.";
        }

        if (!await store.WriteAsync(actor.Name, zone?.Id, cancellationToken))
        {
            return "Your account was not found; times stay in UTC.";
        }

        var display = new TimeDisplay(zone);
        _read = Task.FromResult(display);
        Changed?.Invoke(display);
        return null;
    }

    private async Task<TimeDisplay> LoadAsync(CancellationToken cancellationToken)
    {
        var actor = await currentActor.GetAsync();
        if (actor.Kind != ActorKind.Person || await store.ReadAsync(actor.Name, cancellationToken) is not { } zoneId)
        {
            return TimeDisplay.UtcOnly;
        }

        // A zone the server no longer knows shows UTC alone rather than a wrong local time.
        return TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) ? new TimeDisplay(zone) : TimeDisplay.UtcOnly;
    }
}
