using System.Security.Cryptography;
using Dashboard.Core.Plans;
using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared;
using Dashboard.Core.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Dashboard.Integration.Tests.HighAvailability;

/// <summary>
/// Never two rollbacks or two traffic changes for one decision, even when two instances take it at once (a holder that
/// has not yet noticed it lost the lease, and the new one): the rollout's version makes the second a conflict
/// (docs/high-availability.md, "Lease").
/// </summary>
[Collection(InfluxAndPostgresCollection.Name)]
public sealed class LeaseDoubleDecisionTests(PostgresServerFixture postgres) : IDisposable
{
    private static readonly Actor Operator = Actor.Person("olga", [WarRoomRole.Operator]);
    private readonly string folder = Directory.CreateTempSubdirectory("warroom-double-").FullName;

    [Fact]
    public async Task SameRollbackFromTwoInstancesAtOnce_OneRollbackOneTrafficChange()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var router = new SettableRouter();
        await using var a = Instance(database, "a", key, router);
        await using var b = Instance(database, "b", key, router);
        await a.GetRequiredService<StateStoreMigrator>().MigrateAsync();

        // Several rounds, so that the two calls really overlap in some of them.
        for (var round = 0; round < 5; round++)
        {
            var id = await StartedRolloutAsync(a.GetRequiredService<RolloutService>());
            var rollBack = new RolloutCommand(RolloutAction.RollBack, AutomationActors.Guardrails, "error rate regressed", TrafficChangeSource.Api);

            var outcomes = await Task.WhenAll(
                Task.Run(() => a.GetRequiredService<RolloutService>().ExecuteAsync(id, rollBack)),
                Task.Run(() => b.GetRequiredService<RolloutService>().ExecuteAsync(id, rollBack)));

            var audit = await a.GetRequiredService<AuditLog>().ReadAsync(id);
            var changes = await b.GetRequiredService<RolloutService>().ListTrafficChangesAsync(id);
            Assert.Single(outcomes, o => o.Kind == OutcomeKind.Succeeded);
            Assert.Single(audit, e => e.Kind == "rollout.rolledBack");
            Assert.Single(changes!, c => c.ToPercent == 0);
        }

        Assert.Equal(5, router.Applied.Count(p => p == 0));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static async Task<Guid> StartedRolloutAsync(RolloutService rollouts)
    {
        var created = await rollouts.CreateAsync(new CreateRolloutRequest("learning-api", "v2.9.4", "v3.0.0", BuiltInPlans.ThreePhase.Id, "sprint 2"), Operator);
        Assert.Equal(OutcomeKind.Created, created.Kind);
        var id = created.Value!.Rollout.Id;
        var started = await rollouts.ExecuteAsync(id, new RolloutCommand(RolloutAction.Start, Operator, "CHG-1", TrafficChangeSource.Ui));
        Assert.Equal(OutcomeKind.Succeeded, started.Kind);
        return id;
    }

    /// <summary>One instance's rollout services on the shared database, with a connection pool of its own and the shared key.</summary>
    private ServiceProvider Instance(string database, string name, string key, ITrafficRouter router)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["StateStore:Provider"] = "PostgreSql",
                ["StateStore:ConnectionString"] = new NpgsqlConnectionStringBuilder(database) { ApplicationName = "instance-" + name }.ConnectionString,
                ["Audit:ChainKey"] = key,
                ["Audit:CheckpointFile"] = Path.Combine(folder, name + "-checkpoints.jsonl"),
                ["Plans:Folder"] = string.Empty,
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddSingleton(router);
        services.AddStateStore(configuration);
        services.AddAccessAuthorization();
        services.AddRollouts(configuration);
        return services.BuildServiceProvider();
    }
}
