using Dashboard.Core.Routing;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Dashboard.Web.Tests.TestSupport.DialogFields;

namespace Dashboard.Web.Tests.Rollouts;

/// <summary>
/// The rollout page when the state store is lost after an action was saved (docs/high-availability.md, "What happens
/// when …"): it says what was saved and what the router read back, and closes the dialog so the action cannot be
/// confirmed twice — never "nothing was changed", never a broken circuit.
/// </summary>
public sealed class RolloutPageStoreLostTests
{
    [Fact]
    public async Task StoreLostWhileTheRouterApplies_ThePageSaysSavedAndPending_AndTheDialogCloses()
    {
        var router = new StoreLosingRouter();
        await using var host = await AppTestHost.CreateAsync(TestUser.Operator, services =>
        {
            services.AddRolloutPageServices();
            services.AddSingleton<ITrafficRouter>(router);
        });
        router.StoreFolder = Path.GetDirectoryName(new SqliteConnectionStringBuilder(host.Get<IOptions<StateStoreOptions>>().Value.ConnectionString).DataSource)!;
        var rollout = await host.StartRolloutAsync();
        var (page, dialogs) = host.RenderRolloutPage(rollout.Id);
        page.Find("button[data-testid=action-change-traffic]").Click();
        dialogs.WaitForElement("button[data-testid=confirm-action]");
        Field(dialogs, "percent-input").Input("10");
        Field(dialogs, "reason-input").Input("canary healthy");
        try
        {
            dialogs.Find("button[data-testid=confirm-action]").Click();
            await router.Asked.Task.WaitAsync(BunitContext.DefaultWaitTimeout);

            // Queued behind the reloads that the save asked every panel for (each a synchronous read of SQLite): the store
            // goes away after they have read it, while the router applies, as it would at 3 a.m.
            await page.InvokeAsync(router.LoseTheStore);

            dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("button[data-testid=confirm-action]")));
            var notice = page.WaitForElement("[data-testid=action-notice]").TextContent;
            Assert.Contains("was saved and audited", notice, StringComparison.Ordinal);
            Assert.Contains("was asked for 10 % and reads back 10 %", notice, StringComparison.Ordinal);
            Assert.Contains("Do not repeat the command", notice, StringComparison.Ordinal);
            Assert.DoesNotContain("Nothing was changed", notice, StringComparison.Ordinal);
            Assert.Equal([10], router.Applied);
        }
        finally
        {
            // Back for the host's clean-up, which deletes the folder.
            Directory.CreateDirectory(router.StoreFolder);
        }
    }

    /// <summary>Applies every weight; while it applies, the test takes the SQLite store's folder away, so the next open cannot find the file.</summary>
    private sealed class StoreLosingRouter : ITrafficRouter
    {
        private readonly TaskCompletionSource _storeLost = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string StoreFolder { get; set; } = string.Empty;

        public List<int> Applied { get; } = [];

        /// <summary>Completes when the app asked the router to apply a weight.</summary>
        public TaskCompletionSource Asked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => "test router";

        public Task<TrafficWeights> ReadAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult(TrafficWeights.ForCanaryPercent(Applied.Count == 0 ? 1 : Applied[^1]));

        public async Task<TrafficWeights> ApplyAsync(int canaryPercent, CancellationToken cancellationToken = default)
        {
            Applied.Add(canaryPercent);
            Asked.TrySetResult();
            await _storeLost.Task;
            return await ReadAsync(cancellationToken);
        }

        public void LoseTheStore()
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(StoreFolder, recursive: true);
            _storeLost.TrySetResult();
        }
    }
}
