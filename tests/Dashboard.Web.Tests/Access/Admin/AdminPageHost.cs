using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Persistence.Access;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Access.Admin;
using Dashboard.Web.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Access.Admin;

/// <summary>
/// A bUnit context for the admin page: a real, migrated SQLite state store in a temp folder, the admin service as
/// <c>AddAccessAdmin</c> registers it, one admin ("root") as the first-run set-up creates them, and the circuit
/// signed in as the person <see cref="CreateAsync"/> names. Deleted on dispose.
/// </summary>
internal sealed class AdminPageHost : IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "warroom-admin-ui-" + Guid.NewGuid().ToString("N"));

    private AdminPageHost(string userName, WarRoomRole[] roles)
    {
        Directory.CreateDirectory(_folder);
        Context.Services.AddMudServices();
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddSingleton<TimeProvider>(Clock);
        Context.Services.AddLogging();
        Context.Services.AddStateStore(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["StateStore:ConnectionString"] = $"Data Source={Path.Combine(_folder, "state.db")}" })
            .Build());
        Context.Services.AddSingleton<AccessAuthorization>();
        Context.Services.AddAccessAdmin();
        // Before anything resolves a service (the renderer does): bUnit takes no registrations after that.
        Context.SignInAs(userName, roles);
        Context.SetRendererInfo(RendererModes.Interactive);
    }

    public BunitContext Context { get; } = new();

    public FakeTimeProvider Clock { get; } = new(T0);

    public AccessAdminService Service => Context.Services.GetRequiredService<AccessAdminService>();

    public static Actor Root { get; } = Actor.Person("root", [WarRoomRole.Admin]);

    /// <param name="userName">Who the page's circuit is signed in as.</param>
    /// <param name="roles">Their roles.</param>
    public static async Task<AdminPageHost> CreateAsync(string userName, params WarRoomRole[] roles)
    {
        var host = new AdminPageHost(userName, roles);
        await host.Context.Services.GetRequiredService<StateStoreMigrator>().MigrateAsync();
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

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
