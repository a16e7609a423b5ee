using System.Net;
using Dashboard.Infrastructure.Persistence.Access;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;
using Dashboard.Web.Features.Access;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Integration.Tests.Access;

/// <summary>
/// Parallel wrong passwords cannot outrun the lockout: the whole app in process (Program, the real sign-in form
/// with antiforgery, the real SQLite state store) with the real password hasher wrapped to count the checks of
/// the person's stored hash.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class ParallelGuessTests(InfluxServerFixture influx)
{
    private const int MaxFailedSignIns = 5;

    [Fact]
    public async Task FortyParallelWrongPasswords_CheckAtMostMaxFailedSignIns_AndTheLockedAccountAnswersLikeAWrongPassword()
    {
        var state = AppStateFile.InTemp("warroom-guess");
        var logs = Directory.CreateTempSubdirectory("warroom-guess-logs-").FullName;
        var hasher = new CountingPasswordHasher();
        try
        {
            await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
            {
                foreach (var (key, value) in Settings(state, logs))
                {
                    host.UseSetting(key, value);
                }

                host.UseContentRoot(AppContext.BaseDirectory);
                host.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<PersonRecord>>(hasher));
            });
            using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            var people = factory.Services.GetRequiredService<PeopleStore>();
            await people.CreateAsync(new PersonDraft("gus", "Gus", hasher.HashPassword(null!, TestPeople.Password), "Operator"), "test");
            var storedHash = (await people.FindByUserNameAsync("gus"))!.PasswordHash!;
            var token = WarRoomSignIn.AntiforgeryTokenOf(await client.GetStringAsync("/sign-in"))!;

            var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => SignInAsync(client, token, "gus", $"wrong guess {i}")));
            var guessesChecked = hasher.ChecksOf(storedHash);
            var afterwards = await SignInAsync(client, token, "gus", TestPeople.Password);

            Assert.Equal(MaxFailedSignIns, guessesChecked);
            Assert.Equal(MaxFailedSignIns, hasher.ChecksOf(storedHash));
            var messages = factory.Services.GetRequiredService<SignInMessages>();
            Assert.All(answers.Append(afterwards), answer => Assert.Equal(PasswordSignIn.WrongCredentials, messages.Read(ErrorOf(answer))));
            Assert.Equal(5, (await state.AuditAsync("person.signInFailed")).Count(e => e.Actor == "gus"));
            Assert.Single(await state.AuditAsync("person.lockedOut"), e => e.Actor == "gus");
        }
        finally
        {
            state.Delete();
            Directory.Delete(logs, recursive: true);
        }
    }

    private static async Task<string> SignInAsync(HttpClient client, string token, string userName, string password)
    {
        using var response = await WarRoomSignIn.PostSignInFormAsync(client, token, userName, password, "/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    private static string? ErrorOf(string location) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(new Uri("http://app"), location).Query)["error"].ToString();

    private Dictionary<string, string> Settings(AppStateFile state, string logs) => new()
    {
        ["Influx:Url"] = influx.Url.ToString(),
        ["Influx:Database"] = "rollouts",
        ["Demo:Enabled"] = "false",
        ["Routing:Kind"] = "BuiltIn",
        ["StateStore:ConnectionString"] = $"Data Source={state.Path}",
        ["Logs:Folder"] = logs,
        // The in-memory test server has no client address, so it is not loopback: without this its cookies would be
        // Secure, which the test's plain-http client never sends back.
        ["Auth:CookieSecurePolicy"] = "SameAsRequest",
        ["Auth:MaxFailedSignIns"] = MaxFailedSignIns.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Auth:InitialAdmin:UserName"] = TestPeople.Admin,
        ["Auth:InitialAdmin:Password"] = TestPeople.Password,

        // 40 guesses and a sign-in from one address: the address limit is on, and wide enough for them.
        ["RateLimits:Address:PermitLimit"] = "100",
    };
}
