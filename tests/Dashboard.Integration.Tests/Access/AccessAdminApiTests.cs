using System.Net;
using System.Text.Json;
using Dashboard.Web.Features.Access;

namespace Dashboard.Integration.Tests.Access;

/// <summary>The <c>/api/admin</c> endpoints: routes, bodies and status codes over the real service and store.</summary>
public sealed class AccessAdminApiTests : IAsyncLifetime
{
    private const string Admin = "root; Admin";
    private AdminApiApp _app = null!;

    public async Task InitializeAsync() => _app = await AdminApiApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task People_CreateChangeRolesDisableEnableUnlockAndResetPassword_AnswerWithThePerson()
    {
        var (created, person, location) = await _app.SendAsync(HttpMethod.Post, "/api/admin/people", Admin,
            """{"userName":"alice","displayName":"Alice","password":"correct horse battery","roles":["Operator"]}""");
        Assert.Equal(HttpStatusCode.Created, created);
        var id = person.GetProperty("id").GetGuid();
        Assert.Equal($"/api/admin/people/{id}", location?.ToString());

        var (rolesStatus, roles, _) = await _app.SendAsync(HttpMethod.Put, $"/api/admin/people/{id}/roles", Admin, """{"roles":["ProductLead"]}""");
        var (disableStatus, disabled, _) = await _app.SendAsync(HttpMethod.Post, $"/api/admin/people/{id}/disable", Admin);
        var (enableStatus, enabled, _) = await _app.SendAsync(HttpMethod.Post, $"/api/admin/people/{id}/enable", Admin);
        var (unlockStatus, _, _) = await _app.SendAsync(HttpMethod.Post, $"/api/admin/people/{id}/unlock", Admin);
        var (passwordStatus, _, _) = await _app.SendAsync(HttpMethod.Post, $"/api/admin/people/{id}/password", Admin, new { password = "another long phrase" });
        var (_, one, _) = await _app.SendAsync(HttpMethod.Get, $"/api/admin/people/{id}", Admin);
        var (_, everyone, _) = await _app.SendAsync(HttpMethod.Get, "/api/admin/people", Admin);

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK],
            [rolesStatus, disableStatus, enableStatus, unlockStatus, passwordStatus]);
        Assert.Equal(["ProductLead"], roles.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.True(disabled.GetProperty("disabled").GetBoolean());
        Assert.False(enabled.GetProperty("disabled").GetBoolean());
        Assert.Equal("alice", one.GetProperty("userName").GetString());
        Assert.Equal(["alice", "root"], everyone.EnumerateArray().Select(p => p.GetProperty("userName").GetString()));
        Assert.DoesNotContain("passwordHash", everyone.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task People_BadFieldsAre400ByField_ATakenNameAndTheLastAdminAre409_AnUnknownIdIs404()
    {
        var (invalid, problems, _) = await _app.SendAsync(HttpMethod.Post, "/api/admin/people", Admin, """{"userName":"x","password":"short","roles":["Boss"]}""");
        var (taken, takenBody, _) = await _app.SendAsync(HttpMethod.Post, "/api/admin/people", Admin, new { userName = "ROOT", displayName = "R", password = "correct horse battery" });
        var (_, everyone, _) = await _app.SendAsync(HttpMethod.Get, "/api/admin/people", Admin);
        var rootId = everyone[0].GetProperty("id").GetGuid();
        var (lastAdmin, lastAdminBody, _) = await _app.SendAsync(HttpMethod.Put, $"/api/admin/people/{rootId}/roles", Admin, """{"roles":[]}""");
        var (unknown, _, _) = await _app.SendAsync(HttpMethod.Post, $"/api/admin/people/{Guid.NewGuid()}/disable", Admin);

        Assert.Equal(HttpStatusCode.BadRequest, invalid);
        Assert.Equal(["displayName", "password", "roles", "userName"], problems.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.Conflict, taken);
        Assert.Contains("exists already", takenBody.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, lastAdmin);
        Assert.Contains("last enabled admin", lastAdminBody.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown);
    }

    [Fact]
    public async Task ApiKeys_CreateAnswersTheTokenOnce_TheListNeverHoldsIt_DeleteRevokes()
    {
        var expires = DateTimeOffset.UtcNow.AddDays(7);
        var (created, body, _) = await _app.SendAsync(HttpMethod.Post, "/api/admin/api-keys", Admin, $$"""{"name":"ci","roles":["Operator"],"expiresAt":"{{expires:O}}"}""");
        Assert.Equal(HttpStatusCode.Created, created);
        var token = body.GetProperty("token").GetString()!;
        Assert.True(ApiKeyTokens.TryParse(token, out _, out var secret));
        var id = body.GetProperty("key").GetProperty("id").GetGuid();

        var (_, listed, _) = await _app.SendAsync(HttpMethod.Get, "/api/admin/api-keys", Admin);
        var (revokedStatus, revoked, _) = await _app.SendAsync(HttpMethod.Delete, $"/api/admin/api-keys/{id}", Admin);
        var (adminKey, adminKeyBody, _) = await _app.SendAsync(HttpMethod.Post, "/api/admin/api-keys", Admin, $$"""{"name":"root-key","roles":["Admin"],"expiresAt":"{{expires:O}}"}""");

        Assert.DoesNotContain(secret, listed.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("Live", listed[0].GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.OK, revokedStatus);
        Assert.Equal("Revoked", revoked.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, adminKey);
        Assert.True(adminKeyBody.GetProperty("errors").TryGetProperty("roles", out _));
    }

    [Fact]
    public async Task KioskLinks_CreateAnswersThePath_ALivePathCanBeFetchedAgain_NotAfterRevoke()
    {
        var (created, body, location) = await _app.SendAsync(HttpMethod.Post, "/api/admin/kiosk-links", Admin, new { name = "tv-ops" });
        Assert.Equal(HttpStatusCode.Created, created);
        var id = body.GetProperty("link").GetProperty("id").GetGuid();
        Assert.StartsWith("/kiosk/", body.GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.Equal($"/api/admin/kiosk-links/{id}/link", location?.ToString());

        var (fetched, again, _) = await _app.SendAsync(HttpMethod.Get, $"/api/admin/kiosk-links/{id}/link", Admin);
        var (revoked, _, _) = await _app.SendAsync(HttpMethod.Delete, $"/api/admin/kiosk-links/{id}", Admin);
        var (afterRevoke, problem, _) = await _app.SendAsync(HttpMethod.Get, $"/api/admin/kiosk-links/{id}/link", Admin);
        var (_, listed, _) = await _app.SendAsync(HttpMethod.Get, "/api/admin/kiosk-links", Admin);

        Assert.Equal(HttpStatusCode.OK, fetched);
        Assert.StartsWith("/kiosk/", again.GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, revoked);
        Assert.Equal(HttpStatusCode.Conflict, afterRevoke);
        Assert.Contains("was revoked", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Revoked", listed[0].GetProperty("state").GetString());
    }

    [Theory]
    [InlineData("olga; Operator", "olga may not manage people and access")]
    [InlineData(null, "Sign in first")]
    public async Task EveryAdminEndpoint_ForANonAdmin_Is403WithTheReason(string? person, string reason)
    {
        var id = Guid.NewGuid();
        var calls = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Get, "/api/admin/people", null),
            (HttpMethod.Post, "/api/admin/people", """{"userName":"mallory","displayName":"M","password":"correct horse battery","roles":["Admin"]}"""),
            (HttpMethod.Put, $"/api/admin/people/{id}/roles", """{"roles":["Admin"]}"""),
            (HttpMethod.Post, $"/api/admin/people/{id}/disable", null),
            (HttpMethod.Post, $"/api/admin/people/{id}/enable", null),
            (HttpMethod.Post, $"/api/admin/people/{id}/unlock", null),
            (HttpMethod.Post, $"/api/admin/people/{id}/password", new { password = "mallory knows this" }),
            (HttpMethod.Get, "/api/admin/api-keys", null),
            (HttpMethod.Post, "/api/admin/api-keys", $$"""{"name":"x","roles":["Operator"],"expiresAt":"{{DateTimeOffset.UtcNow.AddDays(1):O}}"}"""),
            (HttpMethod.Delete, $"/api/admin/api-keys/{id}", null),
            (HttpMethod.Get, "/api/admin/kiosk-links", null),
            (HttpMethod.Post, "/api/admin/kiosk-links", new { name = "tv" }),
            (HttpMethod.Get, $"/api/admin/kiosk-links/{id}/link", null),
            (HttpMethod.Delete, $"/api/admin/kiosk-links/{id}", null),
        };

        foreach (var (method, path, body) in calls)
        {
            var (status, problem, _) = await _app.SendAsync(method, path, person, body);
            Assert.True(status == HttpStatusCode.Forbidden, $"{method} {path}: {status} {problem}");
            Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var (_, people, _) = await _app.SendAsync(HttpMethod.Get, "/api/admin/people", Admin);
        Assert.Equal(JsonValueKind.Array, people.ValueKind);
        Assert.Equal(1, people.GetArrayLength());
    }
}
