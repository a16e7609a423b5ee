using System.Net;
using System.Text.Json;

namespace Dashboard.Integration.Tests.Access;

/// <summary>
/// Every admin endpoint with a body answers bad input with 400 listing each problem under its field, in the words the
/// form shows beside that field, and stores nothing (docs/access.md, "Admin API").
/// </summary>
public sealed class AccessAdminValidationApiTests : IAsyncLifetime
{
    private const string Admin = "root; Admin";
    private AdminApiApp _app = null!;

    public async Task InitializeAsync() => _app = await AdminApiApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static Dictionary<string, string[]> Errors(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(e => e.GetString()!).ToArray());

    private async Task<Guid> RootIdAsync() => (await _app.SendAsync(HttpMethod.Get, "/api/admin/people", Admin)).Body[0].GetProperty("id").GetGuid();

    [Fact]
    public async Task CreatePerson_BadFields_Is400WithEachProblemInWordsUnderItsField_AndNobodyIsCreated()
    {
        var (status, problem, _) = await _app.SendAsync(HttpMethod.Post, "/api/admin/people", Admin, """{"userName":"x","displayName":" ","password":"short"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(
            new Dictionary<string, string[]>
            {
                ["userName"] = ["User name must be 2..100 characters"],
                ["displayName"] = ["Display name must be 1..100 characters"],
                ["password"] = ["Password must be at least 12 characters"],
            },
            Errors(problem));
        Assert.Equal(1, (await _app.SendAsync(HttpMethod.Get, "/api/admin/people", Admin)).Body.GetArrayLength());
        Assert.DoesNotContain(await _app.AuditedAsync("person.created"), e => e.Actor == "root");
    }

    [Fact]
    public async Task SetRoles_WithoutRolesOrWithAnUnknownOne_Is400UnderRoles_AndTheRolesStay()
    {
        var root = await RootIdAsync();

        var (missing, missingProblem, _) = await _app.SendAsync(HttpMethod.Put, $"/api/admin/people/{root}/roles", Admin, "{}");
        var (unknown, unknownProblem, _) = await _app.SendAsync(HttpMethod.Put, $"/api/admin/people/{root}/roles", Admin, """{"roles":["Admin","Boss"]}""");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (missing, unknown));
        Assert.StartsWith("Roles are required", Assert.Single(Errors(missingProblem)["roles"]), StringComparison.Ordinal);
        Assert.StartsWith("'Boss' is not a role", Assert.Single(Errors(unknownProblem)["roles"]), StringComparison.Ordinal);
        Assert.Equal(["Admin"], (await _app.SendAsync(HttpMethod.Get, $"/api/admin/people/{root}", Admin)).Body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Empty(await _app.AuditedAsync("person.rolesChanged"));
    }

    [Fact]
    public async Task ResetPassword_TooShort_Is400UnderPassword_AndNothingIsReset()
    {
        var root = await RootIdAsync();

        var (status, problem, _) = await _app.SendAsync(HttpMethod.Post, $"/api/admin/people/{root}/password", Admin, new { password = "short" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["Password must be at least 12 characters"], Errors(problem)["password"]);
        Assert.Empty(await _app.AuditedAsync("person.passwordReset"));
    }

    [Theory]
    [InlineData(-1, "Expiry must be in the future")]
    [InlineData(400, "Expiry must be at most 366 days from now")]
    public async Task CreateApiKey_ExpiryOutOfRange_Is400UnderExpiresAt_NeverMovedIntoRange(int days, string words)
    {
        var expires = DateTimeOffset.UtcNow.AddDays(days);

        var (status, problem, _) = await _app.SendAsync(HttpMethod.Post, "/api/admin/api-keys", Admin, $$"""{"name":"ci","roles":["Operator"],"expiresAt":"{{expires:O}}"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal([words], Errors(problem)["expiresAt"]);
        Assert.Equal(0, (await _app.SendAsync(HttpMethod.Get, "/api/admin/api-keys", Admin)).Body.GetArrayLength());
    }

    [Fact]
    public async Task CreateApiKey_ExpiryThatIsNoDate_Is400_AndNoKeyIsMade()
    {
        var (status, _, _) = await _app.SendAsync(HttpMethod.Post, "/api/admin/api-keys", Admin, """{"name":"ci","roles":["Operator"],"expiresAt":"2026-13-45"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(0, (await _app.SendAsync(HttpMethod.Get, "/api/admin/api-keys", Admin)).Body.GetArrayLength());
    }

    [Fact]
    public async Task CreateKioskLink_NoNameAndAPastExpiry_Is400UnderEachField_AndNoLinkIsMade()
    {
        var (status, problem, _) = await _app.SendAsync(
            HttpMethod.Post, "/api/admin/kiosk-links", Admin, new { name = " ", expiresAt = DateTimeOffset.UtcNow.AddMinutes(-1) });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(
            new Dictionary<string, string[]>
            {
                ["name"] = ["Name is required"],
                ["expiresAt"] = ["Expiry must be in the future (or left empty: the link lasts until revoked)"],
            },
            Errors(problem));
        Assert.Equal(0, (await _app.SendAsync(HttpMethod.Get, "/api/admin/kiosk-links", Admin)).Body.GetArrayLength());
    }

    [Fact]
    public async Task CreateKioskLink_AnswersAShortPathBesideTheLongOne_OnlyWhenCreated()
    {
        var (status, body, _) = await _app.SendAsync(HttpMethod.Post, "/api/admin/kiosk-links", Admin, new { name = "tv-ops" });
        var id = body.GetProperty("link").GetProperty("id").GetGuid();
        var (_, again, _) = await _app.SendAsync(HttpMethod.Get, $"/api/admin/kiosk-links/{id}/link", Admin);

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Matches("^/k/[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", body.GetProperty("shortPath").GetString());
        Assert.StartsWith("/kiosk/", again.GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, again.GetProperty("shortPath").ValueKind);
    }
}
