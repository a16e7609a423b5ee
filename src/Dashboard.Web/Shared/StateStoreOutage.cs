using Dashboard.Infrastructure.Persistence;

namespace Dashboard.Web.Shared;

/// <summary>
/// What a page says when a person's action meets a state store that does not answer (<see cref="StateStoreUnreachable"/>),
/// instead of letting the exception leave the event handler: in Blazor Server that ends the circuit, and the page — the
/// war-room TV too — would need a touch. The save is one transaction, so nothing was changed; the banner on every page
/// (<c>DependencyBanner</c>) says when to try again (docs/high-availability.md, "PostgreSQL is down").
/// </summary>
public static class StateStoreOutage
{
    public const string Refusal = "The state store cannot be reached; nothing was changed. Try again when the banner clears.";

    /// <summary>
    /// Runs <paramref name="action"/>; returns null when it ran, or <see cref="Refusal"/> when it met an unreachable state
    /// store. Any other exception goes on as before.
    /// </summary>
    public static async Task<string?> RefusalOfAsync(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            await action();
            return null;
        }
        catch (Exception ex) when (StateStoreUnreachable.Is(ex))
        {
            return Refusal;
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/>; returns its result, or no result and <see cref="Refusal"/> when it met an
    /// unreachable state store. Any other exception goes on as before.
    /// </summary>
    public static async Task<(T? Value, string? Refusal)> ValueOrRefusalAsync<T>(Func<Task<T>> action)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(action);
        T? value = null;
        var refusal = await RefusalOfAsync(async () => value = await action());
        return (value, refusal);
    }
}
