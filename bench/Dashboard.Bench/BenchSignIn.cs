using Dashboard.TestSupport;
using Microsoft.Playwright;

namespace Dashboard.Bench;

/// <summary>
/// How the benchmarks sign in: against an app they start, as its first admin; against a running app, as the
/// person named by <c>WARROOM_USER</c> / <c>WARROOM_PASSWORD</c> (an operator, for the traffic benchmark).
/// </summary>
public static class BenchSignIn
{
    public static (string UserName, string Password) FromEnvironment()
    {
        var user = Environment.GetEnvironmentVariable("WARROOM_USER");
        var password = Environment.GetEnvironmentVariable("WARROOM_PASSWORD");
        if (string.IsNullOrWhiteSpace(user) || string.IsNullOrEmpty(password))
        {
            throw new InvalidOperationException("Set WARROOM_USER and WARROOM_PASSWORD to a person who may run rollouts (an operator) on the running app.");
        }

        return (user, password);
    }

    /// <summary>Signs the browser page in through the sign-in form.</summary>
    public static async Task SignInAsync(IPage page, Uri appUrl, string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(new Uri(appUrl, "/sign-in").ToString());
        await page.GetByTestId("sign-in-user").FillAsync(userName);
        await page.GetByTestId("sign-in-password").FillAsync(password);
        await page.GetByTestId("sign-in-submit").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal), new() { Timeout = 30_000 });
    }

    public static Task SignInAsAdminAsync(IPage page, Uri appUrl) => SignInAsync(page, appUrl, TestPeople.Admin, TestPeople.Password);
}
