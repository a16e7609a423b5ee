using System.Diagnostics;

namespace Dashboard.TestSupport;

/// <summary>
/// Bounded waits on the thing a test asserts. A test never reads a counter the moment an outside observer sees an
/// effect, and never sleeps before an assertion: it waits here until the condition holds, and fails with what it last
/// saw when the deadline passes. Deadlines run on the monotonic clock, so a wall-clock jump cannot stretch or cut them.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(100);

    /// <summary>Reads <paramref name="read"/> until <paramref name="done"/> holds, and returns that value.</summary>
    /// <param name="read">What the test asserts on, read afresh each time.</param>
    /// <param name="done">When the wait is over.</param>
    /// <param name="within">The deadline.</param>
    /// <param name="what">What is awaited, for the failure message.</param>
    /// <param name="explain">More for the failure message (e.g. the app's output), given the last value read.</param>
    /// <exception cref="TimeoutException">When <paramref name="done"/> did not hold within <paramref name="within"/>.</exception>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan within, string what, Func<T, string>? explain = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (Stopwatch.GetElapsedTime(started) >= within)
            {
                throw new TimeoutException($"Timed out after {within} waiting for {what}. Last seen: {(explain is null ? value?.ToString() : explain(value))}");
            }

            await Task.Delay(Every);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds.</summary>
    /// <exception cref="TimeoutException">When it did not within <paramref name="within"/>.</exception>
    public static Task UntilAsync(Func<Task<bool>> condition, TimeSpan within, string what, Func<string>? explain = null) =>
        UntilAsync(condition, holds => holds, within, what, _ => explain?.Invoke() ?? "false");

    /// <summary>Waits until <paramref name="condition"/> holds.</summary>
    /// <exception cref="TimeoutException">When it did not within <paramref name="within"/>.</exception>
    public static Task UntilAsync(Func<bool> condition, TimeSpan within, string what, Func<string>? explain = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return UntilAsync(() => Task.FromResult(condition()), within, what, explain);
    }
}
