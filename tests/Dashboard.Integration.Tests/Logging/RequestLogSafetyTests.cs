using Dashboard.Integration.Tests.Access;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Logging;

/// <summary>
/// What the real app writes to its console log (docs/security.md, "Logs"): no kiosk token, no line a caller can forge,
/// no user name as typed when it matches nobody.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class RequestLogSafetyTests(AccessTestApp access) : IClassFixture<AccessTestApp>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task KioskLinkOpened_RequestLogShowsThePathWithoutTheToken()
    {
        var (_, path) = await access.CreateKioskLinkAsync("lobby tv");
        var token = path["/kiosk/".Length..];
        using var screen = WarRoomSignIn.NewClient(access.Url);

        using var opened = await screen.GetAsync(new Uri(path, UriKind.Relative));
        await LoggedAsync("HTTP GET /kiosk/[redacted] responded");

        Assert.DoesNotContain(Uri.UnescapeDataString(token), access.App.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(token, access.App.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PathWithANewline_CannotStartAForgedLogLine()
    {
        using var caller = WarRoomSignIn.NewClient(access.Url);

        using var answered = await caller.GetAsync(new Uri("/nowhere%0A[00:00:00%20INF]%20Forged.Line:%20admin%20signed%20in", UriKind.Relative));
        await LoggedAsync(@"/nowhere\n[00:00:00 INF] Forged.Line");

        Assert.DoesNotContain(access.App.Output.Split('\n'), line => line.StartsWith("[00:00:00 INF] Forged.Line", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignInWithAnUnknownUserName_LogsAFingerprintNotTheTypedText()
    {
        const string typed = "Tr0ub4dor-typed-in-the-wrong-box";

        var (client, response) = await WarRoomSignIn.TrySignInAsync(access.Url, typed, "whatever");
        client.Dispose();
        response.Dispose();
        await LoggedAsync("Sign-in refused for typed#");

        Assert.DoesNotContain(typed, access.App.Output, StringComparison.Ordinal);
    }

    private Task<string> LoggedAsync(string text) =>
        Eventually.UntilAsync(
            () => Task.FromResult(access.App.Output), output => output.Contains(text, StringComparison.Ordinal), Within, $"the log to show '{text}'", output => output);
}
