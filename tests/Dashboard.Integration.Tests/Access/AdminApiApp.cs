using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Persistence.Access;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Access.Admin;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Integration.Tests.Access;

/// <summary>
/// The admin endpoints in an in-process host over a real SQLite state store, wired with <c>AddAccessAdmin</c> and
/// <c>MapAccessAdminEndpoints</c> as Program.cs wires them; requests sign in with <see cref="HeaderSignInHandler"/>.
/// One admin, "root", exists.
/// </summary>
internal sealed class AdminApiApp : IAsyncDisposable
{
    private readonly string _folder;
    private readonly WebApplication _app;

    private AdminApiApp(string folder, WebApplication app)
    {
        _folder = folder;
        _app = app;
        Http = app.GetTestClient();
    }

    public HttpClient Http { get; }

    public static async Task<AdminApiApp> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "warroom-admin-api-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["StateStore:ConnectionString"] = $"Data Source={Path.Combine(folder, "state.db")}",
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddStateStore(builder.Configuration);
        builder.Services.AddSingleton<AccessAuthorization>();
        builder.Services.AddAccessAdmin();
        builder.Services.AddAuthentication(HeaderSignInHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, HeaderSignInHandler>(HeaderSignInHandler.SchemeName, null);
        var app = builder.Build();
        await app.Services.GetRequiredService<StateStoreMigrator>().MigrateAsync();
        await app.Services.GetRequiredService<PeopleStore>().CreateAsync(new PersonDraft("root", "Root Admin", null, "Admin"), "setup");
        app.UseAuthentication();
        app.MapAccessAdminEndpoints();
        await app.StartAsync();
        return new AdminApiApp(folder, app);
    }

    /// <summary>
    /// Sends <paramref name="method"/> to <paramref name="path"/> as <paramref name="person"/> (<c>name; Role,Role</c>; null for nobody);
    /// a string <paramref name="body"/> is sent as the JSON it holds.
    /// </summary>
    public async Task<(HttpStatusCode Status, JsonElement Body, Uri? Location)> SendAsync(HttpMethod method, string path, string? person, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (person is not null)
        {
            request.Headers.Add(HeaderSignInHandler.Header, person);
        }

        request.Content = body switch
        {
            null => null,
            string json => new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
            _ => JsonContent.Create(body),
        };

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), response.Headers.Location);
    }

    /// <summary>The audit events of <paramref name="kind"/>, oldest first, read from the state store itself.</summary>
    public async Task<IReadOnlyList<Dashboard.Infrastructure.Persistence.Audit.AuditEventRecord>> AuditedAsync(string kind) =>
        [.. (await _app.Services.GetRequiredService<Dashboard.Infrastructure.Persistence.Audit.AuditLog>().ReadAsync()).Where(e => e.Kind == kind)];

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
