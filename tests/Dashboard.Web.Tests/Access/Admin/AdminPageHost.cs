using Dashboard.Infrastructure.Persistence.Access;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Access.Admin;
using Dashboard.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;

namespace Dashboard.Web.Tests.Access.Admin;

/// <summary>
/// An <see cref="AppTestHost"/> for the admin page: its state store migrated, the admin service as
/// <c>AddAccessAdmin</c> registers it, one admin ("root") as the first-run set-up creates them, and the circuit
/// signed in as the person <see cref="CreateAsync"/> names. Deleted on dispose.
/// </summary>
internal sealed class AdminPageHost : IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly AppTestHost _host;

    private AdminPageHost(AppTestHost host) => _host = host;

    public BunitContext Context => _host.Context;

    public FakeTimeProvider Clock => _host.Clock;

    public AccessAdminService Service => Context.Services.GetRequiredService<AccessAdminService>();

    public static Actor Root { get; } = Actor.Person("root", [WarRoomRole.Admin]);

    /// <param name="userName">Who the page's circuit is signed in as.</param>
    /// <param name="roles">Their roles.</param>
    public static async Task<AdminPageHost> CreateAsync(string userName, params WarRoomRole[] roles)
    {
        var host = new AdminPageHost(await AppTestHost.CreateAsync(new TestUser(userName, roles), services => services.AddAccessAdmin(), T0));
        await host.Context.Services.GetRequiredService<PeopleStore>().CreateAsync(new PersonDraft("root", "Root Admin", null, "Admin"), "setup");
        return host;
    }

    /// <summary>The dialog provider and popovers the layout would carry; render before the page.</summary>
    public IRenderedComponent<MudDialogProvider> RenderDialogs()
    {
        Context.Render<MudPopoverProvider>();
        return Context.Render<MudDialogProvider>();
    }

    public async Task<IReadOnlyList<AuditEventRecord>> AuditedAsync(string kind) =>
        [.. (await Context.Services.GetRequiredService<AuditLog>().ReadAsync()).Where(e => e.Kind == kind)];

    /// <inheritdoc cref="AppTestHost.LoseStateStore"/>
    public void LoseStateStore() => _host.LoseStateStore();

    /// <inheritdoc cref="AppTestHost.BringBackStateStore"/>
    public void BringBackStateStore() => _host.BringBackStateStore();

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
