using System.Text.Json;
using Dashboard.Infrastructure.Persistence.Access;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Access.Admin;
using Dashboard.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Integration.Tests.Access;

/// <summary>API keys through <see cref="AccessAdminService"/>: the token is shown once, only its hash is kept, revoking is final.</summary>
public sealed class AccessAdminApiKeyTests : IAsyncLifetime
{
    private AccessAdminHost _host = null!;

    public async Task InitializeAsync() => _host = await AccessAdminHost.CreateAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static CreateApiKeyRequest Request(string name = "ci-deploy", params string[] roles) =>
        new(name, roles.Length == 0 ? ["Operator"] : roles, AccessAdminHost.T0.AddDays(30));

    [Fact]
    public async Task CreateApiKey_ReturnsTheTokenOnce_AndStoresOnlyTheHashOfItsSecret()
    {
        var outcome = await _host.Service.CreateApiKeyAsync(Request(), AccessAdminHost.Root);

        Assert.Equal(OutcomeKind.Created, outcome.Kind);
        var created = outcome.Value!;
        Assert.True(ApiKeyTokens.TryParse(created.Token, out var prefix, out var secret));
        Assert.Equal(prefix, created.Key.Prefix);
        Assert.Equal(["Operator"], created.Key.Roles);
        Assert.Equal(AccessGrantState.Live, created.Key.State);

        // Every column of the stored row, as anyone with the file could read it.
        var row = (string)(await _host.Store.ScalarAsync(
            "SELECT Id || '|' || Name || '|' || Prefix || '|' || SecretHash || '|' || Roles || '|' || CreatedBy || '|' || ExpiresAt FROM ApiKeys"))!;
        Assert.DoesNotContain(secret, row, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[..12], row, StringComparison.Ordinal);
        await using (var db = await _host.Store.OpenContextAsync())
        {
            var stored = await db.ApiKeys.SingleAsync();
            Assert.True(ApiKeyTokens.Matches(secret, stored.SecretHash));
        }

        var audited = Assert.Single(await _host.AuditedAsync("apiKey.created"));
        Assert.Equal("root", audited.Actor);
        Assert.DoesNotContain(secret, audited.PayloadJson, StringComparison.Ordinal);
        var listed = JsonSerializer.Serialize((await _host.Service.ListApiKeysAsync(AccessAdminHost.Root)).Value);
        Assert.Contains(prefix, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateApiKey_EveryBadField_IsReportedAtOnce_AndNoKeyIsStored()
    {
        var outcome = await _host.Service.CreateApiKeyAsync(new CreateApiKeyRequest("  ", ["Admin", "Operator"], null), AccessAdminHost.Root);

        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Equal(["expiresAt", "name", "roles"], outcome.Problems.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("cannot hold the Admin role", Assert.Single(outcome.Problems["roles"]), StringComparison.Ordinal);
        Assert.Contains("is required", Assert.Single(outcome.Problems["expiresAt"]), StringComparison.Ordinal);
        Assert.Empty(await _host.Store.Get<ApiKeyStore>().ListAsync());
        Assert.Empty(await _host.AuditedAsync("apiKey.created"));
    }

    [Theory]
    [InlineData(-1, "must be in the future")]
    [InlineData(0, "must be in the future")]
    [InlineData(367 * 24, "must be at most 366 days from now")]
    public async Task CreateApiKey_ExpiryNotInTheFutureOrBeyondTheLongestLifetime_IsInvalid(int hoursFromNow, string problem)
    {
        var outcome = await _host.Service.CreateApiKeyAsync(
            new CreateApiKeyRequest("ci", ["Operator"], AccessAdminHost.T0.AddHours(hoursFromNow)), AccessAdminHost.Root);

        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Equal($"Expiry {problem}", Assert.Single(outcome.Problems["expiresAt"]));
    }

    [Fact]
    public async Task CreateApiKey_ExactlyTheLongestLifetime_IsAccepted()
    {
        var outcome = await _host.Service.CreateApiKeyAsync(
            new CreateApiKeyRequest("ci", [], AccessAdminHost.T0 + _host.Options.MaxApiKeyLifetime), AccessAdminHost.Root);

        Assert.Equal(OutcomeKind.Created, outcome.Kind);
        Assert.Empty(outcome.Value!.Key.Roles);
    }

    [Fact]
    public async Task RevokeApiKey_IsStoredAndAudited_AndTheKeyIsListedAsRevoked()
    {
        var created = (await _host.Service.CreateApiKeyAsync(Request(), AccessAdminHost.Root)).Value!;
        _host.Clock.Advance(TimeSpan.FromMinutes(5));

        var revoked = await _host.Service.RevokeApiKeyAsync(created.Key.Id, AccessAdminHost.Root);

        Assert.Equal(OutcomeKind.Succeeded, revoked.Kind);
        var listed = Assert.Single((await _host.Service.ListApiKeysAsync(AccessAdminHost.Root)).Value!);
        Assert.Equal((AccessGrantState.Revoked, AccessAdminHost.T0.AddMinutes(5), "root"), (listed.State, listed.RevokedAt, listed.RevokedBy));
        Assert.Equal(created.Key.Id, AccessAdminHost.Payload(Assert.Single(await _host.AuditedAsync("apiKey.revoked"))).GetProperty("apiKeyId").GetGuid());
        Assert.Equal(OutcomeKind.NotFound, (await _host.Service.RevokeApiKeyAsync(Guid.NewGuid(), AccessAdminHost.Root)).Kind);
    }

    [Fact]
    public async Task CreateApiKey_NameOfALiveKey_IsAConflict_ButFreeAgainOnceThatKeyIsRevoked()
    {
        var first = (await _host.Service.CreateApiKeyAsync(Request("ci"), AccessAdminHost.Root)).Value!;

        var clash = await _host.Service.CreateApiKeyAsync(Request("CI"), AccessAdminHost.Root);
        await _host.Service.RevokeApiKeyAsync(first.Key.Id, AccessAdminHost.Root);
        var replacement = await _host.Service.CreateApiKeyAsync(Request("ci"), AccessAdminHost.Root);

        Assert.Equal(OutcomeKind.Conflict, clash.Kind);
        Assert.Equal(OutcomeKind.Created, replacement.Kind);
        Assert.NotEqual(first.Token, replacement.Value!.Token);
    }

    [Fact]
    public async Task ListApiKeys_AKeyPastItsExpiry_IsListedAsExpired()
    {
        await _host.Service.CreateApiKeyAsync(Request(), AccessAdminHost.Root);
        _host.Clock.Advance(TimeSpan.FromDays(30));

        Assert.Equal(AccessGrantState.Expired, Assert.Single((await _host.Service.ListApiKeysAsync(AccessAdminHost.Root)).Value!).State);
    }
}
