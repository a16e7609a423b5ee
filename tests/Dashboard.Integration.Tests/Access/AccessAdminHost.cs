using System.Text.Json;
using Dashboard.Infrastructure.Persistence.Access;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.TestSupport;
using Dashboard.Web.Features.Access.Admin;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Shared;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Integration.Tests.Access;

/// <summary>
/// <see cref="AccessAdminService"/> on a real, migrated SQLite state store with the real stores, authorization,
/// Identity password hasher and kiosk tokens, and one admin ("root") as the first-run set-up creates them.
/// </summary>
internal sealed class AccessAdminHost : IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly IDataProtectionProvider _dataProtection = new EphemeralDataProtectionProvider();

    private AccessAdminHost(TestStateStore store, FakeTimeProvider clock, AccessOptions options)
    {
        Store = store;
        Clock = clock;
        Options = options;
        KioskTokens = new KioskTokens(_dataProtection, store.Get<KioskLinkStore>(), clock);
        Service = ServiceOn(store.Services);
    }

    public static Actor Root { get; } = Actor.Person("root", [WarRoomRole.Admin]);

    /// <summary>An operator: runs rollouts, may not manage access.</summary>
    public static Actor Operator { get; } = Actor.Person("olga", [WarRoomRole.Operator]);

    public TestStateStore Store { get; }

    public FakeTimeProvider Clock { get; }

    public AccessOptions Options { get; }

    public PasswordHasher<PersonRecord> Hasher { get; } = new();

    public KioskTokens KioskTokens { get; }

    public AccessAdminService Service { get; }

    public Guid RootId { get; private set; }

    public PeopleStore People => Store.Get<PeopleStore>();

    public static async Task<AccessAdminHost> CreateAsync(AccessOptions? options = null)
    {
        var clock = new FakeTimeProvider(T0);
        var host = new AccessAdminHost(await TestStateStore.CreateAsync(clock), clock, options ?? new AccessOptions());
        var root = await host.People.CreateAsync(new PersonDraft("root", "Root Admin", null, nameof(WarRoomRole.Admin)), "setup");
        host.RootId = root!.Id;
        return host;
    }

    /// <summary>The service as another app instance on the same file would have it.</summary>
    public AccessAdminService ServiceOn(IServiceProvider services) => new(
        services.GetRequiredService<PeopleStore>(),
        services.GetRequiredService<ApiKeyStore>(),
        services.GetRequiredService<KioskLinkStore>(),
        new KioskTokens(_dataProtection, services.GetRequiredService<KioskLinkStore>(), Clock),
        Hasher,
        new AccessAuthorization(services.GetRequiredService<AuditLog>(), NullLogger<AccessAuthorization>.Instance),
        Microsoft.Extensions.Options.Options.Create(Options),
        Clock);

    /// <summary>Creates a person through the service as root.</summary>
    public async Task<PersonView> CreatePersonAsync(string userName, params WarRoomRole[] roles)
    {
        var outcome = await Service.CreatePersonAsync(
            new CreatePersonRequest(userName, userName.ToUpperInvariant(), "correct horse battery", [.. roles.Select(r => r.ToString())]), Root);
        Assert.True(outcome.Kind == OutcomeKind.Created, outcome.Detail);
        return outcome.Value!;
    }

    /// <summary>Every audit event of <paramref name="kind"/>, in order.</summary>
    public async Task<IReadOnlyList<AuditEventRecord>> AuditedAsync(string kind) =>
        [.. (await Store.Get<AuditLog>().ReadAsync()).Where(e => e.Kind == kind)];

    public static JsonElement Payload(AuditEventRecord audited) => JsonDocument.Parse(audited.PayloadJson).RootElement;

    public async ValueTask DisposeAsync() => await Store.DisposeAsync();
}
