using System.Globalization;
using Dashboard.Core.Guardrails;
using Dashboard.Core.Guardrails.Sequential;
using Dashboard.Core.Metrics;
using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Metrics;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Leadership;
using Dashboard.Web.Shared.Components;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Guardrails;

/// <summary>
/// The continuous guardrails: every <c>Guardrails:PollInterval</c> it reads ONE metrics snapshot
/// (the snapshot is per service, not per rollout) and judges every rollout whose current phase is active
/// against the phase's auto-rollback triggers and contingency rules. Count-ratio conditions (errors, latency
/// over a bound, failed probes) are judged by the sequential test on the cells <see cref="GuardrailEvidenceFeed"/>
/// feeds it, and act on the first poll that proves a regression; the other rules are judged on the window's values
/// and act once a breach is sustained for <c>Guardrails:ConsecutiveBreaches</c> polls (docs/guardrails.md).
/// InfluxDB failing, an empty window, a canary requests point still torn after re-reading, or data older than
/// <c>Guardrails:MaxDataAge</c> make the poll blind: no rule is judged, no streak moves, and the status says so —
/// missing data is never a pass. A window thinner than <c>Guardrails:MinCanaryRequests</c> leaves the value rules at
/// "not enough evidence yet". A streak that grows without acting and a period without data are recorded through
/// <see cref="GuardrailNearMissRecorder"/>, once per change. What it remembers from poll to poll (streaks, blind
/// periods, last breach and action) is read from the state store at each poll and written back when it changes
/// (<see cref="GuardrailMemoryKeeper"/>), so whoever polls next, this process after a restart or another instance,
/// goes on from it; open router alerts are resumed the same way (<see cref="RouterConfirmation.ResumeAsync"/>).
/// </summary>
public sealed partial class GuardrailMonitor(
    RolloutStore store,
    TrafficChangeLog trafficChanges,
    IMetricsReader reader,
    GuardrailEvidenceFeed evidence,
    IOptions<MetricsSchemaOptions> metricsOptions,
    GuardrailActions actions,
    RouterConfirmation confirmation,
    GuardrailMemoryKeeper memory,
    GuardrailNearMissRecorder nearMisses,
    GuardrailStatusBoard board,
    IAutomationLease lease,
    IOptions<GuardrailOptions> options,
    TimeProvider timeProvider,
    ILogger<GuardrailMonitor> logger) : BackgroundService
{
    private readonly GuardrailOptions settings = options.Value;
    private readonly TimeSpan pointInterval = metricsOptions.Value.PointInterval;
    private readonly GuardrailStreaks streaks = new();
    private readonly Dictionary<Guid, DateTimeOffset> blindSince = [];
    private readonly Dictionary<Guid, DateTimeOffset> lastBreachAt = [];
    private readonly Dictionary<Guid, string> lastAction = [];
    private readonly Dictionary<(Guid Rollout, string Rule), string> refusals = [];
    private readonly HashSet<(Guid Rollout, string Rule, DateTimeOffset? Since, string Reason)> recordedBlocks = [];
    private readonly HashSet<Guid> remembered = [];
    private double? lastCanaryRps;

    // Polls only while this instance holds the automation lease (docs/high-availability.md, "Lease"): a turn starts
    // with a poll as soon as it takes it and ends as soon as the hold ends. A poll under way finishes:
    // cut between saving a rollback and setting the router, it would leave the canary's traffic to nobody.
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                using var turn = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, await lease.WaitForHoldAsync(stoppingToken));
                using var timer = new PeriodicTimer(settings.PollInterval, timeProvider);
                try
                {
                    do
                    {
                        try
                        {
                            await PollOnceAsync(stoppingToken);
                        }
                        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                        {
                            LogPollFailed(ex);
                        }
                    }
                    while (await timer.WaitForNextTickAsync(turn.Token));
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    // The hold ended: wait for the next one.
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>
    /// One poll: list the watched rollouts, read one snapshot, feed the evidence, judge and act, publish the status.
    /// Nothing at all unless this instance holds the automation lease: a follower neither judges nor publishes.
    /// </summary>
    public async Task PollOnceAsync(CancellationToken cancellationToken)
    {
        if (!lease.IsHeld)
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        var watched = (await store.ListAsync(cancellationToken)).Select(Rollout.FromSnapshot).Where(r => GuardrailJudge.IsWatched(r.CurrentState)).ToList();
        var watchedIds = watched.Select(r => r.Id).ToHashSet();
        Recall(await memory.LoadAsync(cancellationToken));
        await confirmation.ResumeAsync(cancellationToken);
        await ForgetAsync(watchedIds, now, cancellationToken);
        evidence.KeepOnly(watchedIds);
        var judged = await JudgedFromAsync(watched, cancellationToken);
        DateTimeOffset? youngest = judged.Count == 0 ? null : judged.Max(entry => entry.JudgedFrom);
        var window = GuardrailWindow.For(settings.Window, settings.MaxWindow, settings.MinCanaryRequests, lastCanaryRps, youngest is { } from ? now - from : null);
        if (watched.Count == 0)
        {
            // Nothing to guard: no InfluxDB request.
            board.PublishPoll(new GuardrailStatus(now, null, null, (int)(window ?? TimeSpan.Zero).TotalSeconds, settings.ConsecutiveBreaches, null, [], []));
            return;
        }

        // Without a window of the phase's own data yet, the configured one still tells whether data flows; its values are not shown.
        var read = await ReadAsync(window ?? settings.Window, now, cancellationToken);
        var thinValues = read.ThinValues ?? (window is null
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"not enough data yet for the value rules: only points from {youngest!.Value.UtcDateTime:HH:mm:ss} UTC on hold the current phase's traffic alone (one point interval after it began or its traffic last changed)")
            : null);
        var blindReason = read.Blind;
        if (blindReason is null && read.Snapshot?.NewestPointAt is { } newestPoint)
        {
            blindReason = await FeedEvidenceAsync(judged, newestPoint, now, cancellationToken);
        }

        var snapshot = read.Snapshot;
        Func<string, double?> valueOf = snapshot is not null && blindReason is null && window is not null ? key => MetricCatalog.Find(key)?.SnapshotValue(snapshot) : _ => null;
        var valuesTooThin = blindReason is null && thinValues is not null;
        var entries = new List<RolloutGuardrails>(watched.Count);
        foreach (var (rollout, judgedFrom) in judged)
        {
            var proof = blindReason is null ? evidence.EvidenceOf(rollout.Id) : null;
            entries.Add(await JudgeAsync(rollout, judgedFrom, valueOf, proof, valuesTooThin, blindReason, now, cancellationToken));
            await memory.SaveAsync(rollout.Id, Remember(rollout.Id), cancellationToken);
            remembered.Add(rollout.Id);
        }

        var newest = snapshot?.NewestPointAt;
        board.PublishPoll(new GuardrailStatus(
            now, newest, newest is { } at ? Math.Round((now - at).TotalSeconds, 1) : null, (int)(window ?? TimeSpan.Zero).TotalSeconds,
            settings.ConsecutiveBreaches, blindReason, entries, [], valuesTooThin ? thinValues : null));
    }

    private async Task<string?> FeedEvidenceAsync(
        List<(Rollout Rollout, DateTimeOffset JudgedFrom)> judged, DateTimeOffset newestPoint, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await evidence.CatchUpAsync(judged, newestPoint, now, cancellationToken);
            return null;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogReadFailed(ex);
            return $"InfluxDB could not be read: {ex.Message}";
        }
    }

    private async Task<(MetricsSnapshot? Snapshot, string? Blind, string? ThinValues)> ReadAsync(TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken)
    {
        MetricsSnapshot snapshot;
        try
        {
            snapshot = await reader.ReadSnapshotAsync(window, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogReadFailed(ex);
            return (null, $"InfluxDB could not be read: {ex.Message}", null);
        }

        if (snapshot.Cohorts.Canary.IncompletePoints)
        {
            // The canary's request metrics, its rate included, are unknown: without this the poll would
            // read as "too little canary traffic". The last known rate keeps sizing the window.
            return (snapshot, string.Create(
                CultureInfo.InvariantCulture,
                $"{HistogramConsistency.IncompletePoints}: a canary requests point in the last {window.TotalSeconds:0} s was still partly written after {TornReadRetry.MaxRereads} re-reads"), null);
        }

        lastCanaryRps = snapshot.Cohorts.Canary.Rps;
        if (snapshot.NewestPointAt is not { } newest)
        {
            return (snapshot, string.Create(CultureInfo.InvariantCulture, $"no data in the last {window.TotalSeconds:0} s"), null);
        }

        var age = now - newest;
        if (age > settings.MaxDataAge)
        {
            return (snapshot, string.Create(CultureInfo.InvariantCulture, $"the newest point is {age.TotalSeconds:0} s old (more than {settings.MaxDataAge.TotalSeconds:0} s)"), null);
        }

        return GuardrailWindow.HoldsEnough(settings.MinCanaryRequests, lastCanaryRps, window)
            ? (snapshot, null, null)
            : (snapshot, null, string.Create(
                CultureInfo.InvariantCulture,
                $"too little canary traffic for the value rules yet: about {(lastCanaryRps ?? 0) * window.TotalSeconds:0} requests in the last {window.TotalSeconds:0} s, {settings.MinCanaryRequests} needed"));
    }

    /// <summary>
    /// Where each watched rollout's judged data begins: one point interval after its phase run began or its latest
    /// traffic change settled, whichever is later (<see cref="GuardrailWindow.JudgedFrom"/>). A rollout whose phase
    /// run has no start is not judged. One row per rollout is read, not its traffic log.
    /// </summary>
    private async Task<List<(Rollout Rollout, DateTimeOffset JudgedFrom)>> JudgedFromAsync(List<Rollout> watched, CancellationToken cancellationToken)
    {
        var judged = new List<(Rollout, DateTimeOffset)>(watched.Count);
        foreach (var rollout in watched)
        {
            if (rollout.CurrentProgress.StartedAt is { } started)
            {
                var lastChange = await trafficChanges.LatestChangeAtAsync(rollout.Id, cancellationToken);
                judged.Add((rollout, GuardrailWindow.JudgedFrom(started, lastChange, pointInterval)));
            }
        }

        return judged;
    }

    private async Task<RolloutGuardrails> JudgeAsync(
        Rollout rollout, DateTimeOffset judgedFrom, Func<string, double?> valueOf, IReadOnlyList<ConditionEvidence>? proof, bool valuesTooThin, string? blindReason,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var phaseRun = string.Create(CultureInfo.InvariantCulture, $"{rollout.CurrentPhaseIndex}@{rollout.CurrentProgress.StartedAt?.UtcTicks}");
        var baselineRuns = rollout.CanaryWeightPercent < 100;
        var observations = GuardrailEvaluator.Observe(rollout.CurrentPhase, valueOf, baselineRuns, proof, valuesTooThin);
        var after = streaks.Record(rollout.Id, phaseRun, observations, now);
        if (observations.Any(o => o.Reading == GuardrailReading.Breached))
        {
            lastBreachAt[rollout.Id] = now;
        }

        await RecordGrownStreaksAsync(rollout, observations, after, cancellationToken);

        if (GuardrailJudge.Decide(rollout.CurrentState, rollout.CanaryWeightPercent, observations, after, settings.ConsecutiveBreaches) is { } decision)
        {
            var result = await actions.ExecuteAsync(rollout, decision, cancellationToken);
            if (result.Problem is { } problem)
            {
                refusals[(rollout.Id, decision.Rule.Id)] = problem;
            }

            if (result.Settled)
            {
                streaks.MarkActedOn(rollout.Id, decision.Rule.Id);
                lastAction[rollout.Id] = string.Create(CultureInfo.InvariantCulture, $"{now.UtcDateTime:HH:mm:ss} UTC {Vocabulary.Capitalize(Vocabulary.Action(decision.Kind))}: {decision.Reason}");
            }
        }

        var blindMetrics = observations
            .Where(o => o.Rule.Kind == GuardrailKind.RollbackTrigger && o.Reading == GuardrailReading.NoData)
            .SelectMany(o => o.Values.Where(v => v.Value is null || double.IsNaN(v.Value.Value)).Select(v => v.Key))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (blindMetrics.Count == 0)
        {
            if (blindSince.Remove(rollout.Id, out var since))
            {
                await nearMisses.BlindEndedAsync(rollout.Id, since, now, watched: true, cancellationToken);
            }
        }
        else if (blindSince.TryAdd(rollout.Id, now))
        {
            await nearMisses.BlindStartedAsync(rollout, now, blindMetrics, blindReason, cancellationToken);
        }

        List<GuardrailRuleStatus> statuses = [.. observations.Select(o => Status(rollout, o, streaks.Of(rollout.Id, o.Rule.Id), baselineRuns))];
        await RecordBlockedAsync(rollout, observations, statuses, cancellationToken);
        return new RolloutGuardrails(
            rollout.Id, rollout.Service, rollout.CandidateVersion, rollout.CurrentPhase.Name, rollout.CurrentState,
            statuses,
            lastBreachAt.TryGetValue(rollout.Id, out var breach) ? breach : null,
            lastAction.GetValueOrDefault(rollout.Id),
            blindSince.TryGetValue(rollout.Id, out var blind) ? blind : null,
            blindMetrics,
            judgedFrom);
    }

    private GuardrailRuleStatus Status(Rollout rollout, GuardrailObservation observation, GuardrailStreak streak, bool baselineRuns) => new(
        observation.Rule.Id,
        observation.Rule.Kind,
        observation.Rule.Describe(),
        Vocabulary.Action(observation.Rule.Then),
        observation.Reading,
        streak.Count,
        observation.RequiredPolls(settings.ConsecutiveBreaches),
        streak.Since,
        observation.Values,
        Blocked(rollout, observation, streak),
        observation.Evidence?.Select(e => GuardrailEvidenceView.Of(e, baselineRuns, settings.MinimumCanaryTrials)).ToList());

    // Said only while the rule's condition has held long enough: a short streak is not yet a reason to act.
    private string? Blocked(Rollout rollout, GuardrailObservation observation, GuardrailStreak streak)
    {
        var key = (rollout.Id, observation.Rule.Id);
        if (streak.Count < observation.RequiredPolls(settings.ConsecutiveBreaches))
        {
            refusals.Remove(key);
            return null;
        }

        return refusals.GetValueOrDefault(key)
            ?? (streak.ActedOn ? null : GuardrailJudge.CannotAct(rollout.CurrentState, rollout.CanaryWeightPercent, observation.Rule));
    }

    // A breached poll moves a streak by one, so each count below the acting one is written once per streak.
    private async Task RecordGrownStreaksAsync(Rollout rollout, IReadOnlyList<GuardrailObservation> observations, IReadOnlyList<GuardrailStreak> after, CancellationToken cancellationToken)
    {
        for (var i = 0; i < observations.Count; i++)
        {
            var required = observations[i].RequiredPolls(settings.ConsecutiveBreaches);
            if (observations[i].Reading == GuardrailReading.Breached && after[i] is { ActedOn: false } streak && streak.Count < required)
            {
                await nearMisses.StreakGrewAsync(rollout, observations[i], streak, required, cancellationToken);
            }
        }
    }

    // A rule that should act but cannot is audited once per streak and reason, so the handoff review shows it.
    private async Task RecordBlockedAsync(
        Rollout rollout, IReadOnlyList<GuardrailObservation> observations, List<GuardrailRuleStatus> statuses, CancellationToken cancellationToken)
    {
        for (var i = 0; i < observations.Count; i++)
        {
            var streak = streaks.Of(rollout.Id, observations[i].Rule.Id);
            if (statuses[i].Blocked is { } reason && recordedBlocks.Add((rollout.Id, observations[i].Rule.Id, streak.Since, reason)))
            {
                await nearMisses.BlockedAsync(rollout, observations[i], streak, reason, cancellationToken);
            }
        }
    }

    // The store is the truth: what another instance (or this one before a restart) remembered replaces what this one knew.
    private void Recall(IReadOnlyDictionary<Guid, GuardrailMemory> memories)
    {
        streaks.KeepOnly(new HashSet<Guid>());
        blindSince.Clear();
        lastBreachAt.Clear();
        lastAction.Clear();
        recordedBlocks.Clear();
        remembered.Clear();
        foreach (var (id, kept) in memories)
        {
            remembered.Add(id);
            if (kept.Streaks is { } phaseRunStreaks)
            {
                streaks.Restore(id, phaseRunStreaks);
            }

            if (kept.BlindSince is { } since)
            {
                blindSince[id] = since;
            }

            if (kept.LastBreachAt is { } breach)
            {
                lastBreachAt[id] = breach;
            }

            if (kept.LastAction is { } action)
            {
                lastAction[id] = action;
            }

            foreach (var block in kept.RecordedBlocks)
            {
                recordedBlocks.Add((id, block.RuleId, block.Since, block.Reason));
            }
        }
    }

    private GuardrailMemory Remember(Guid rolloutId) => new(
        streaks.Export(rolloutId),
        blindSince.TryGetValue(rolloutId, out var since) ? since : null,
        lastBreachAt.TryGetValue(rolloutId, out var breach) ? breach : null,
        lastAction.GetValueOrDefault(rolloutId),
        [.. recordedBlocks.Where(block => block.Rollout == rolloutId)
            .Select(block => new RecordedBlock(block.Rule, block.Since, block.Reason))
            .OrderBy(block => block.RuleId, StringComparer.Ordinal).ThenBy(block => block.Since).ThenBy(block => block.Reason, StringComparer.Ordinal)]);

    private async Task ForgetAsync(HashSet<Guid> watched, DateTimeOffset now, CancellationToken cancellationToken)
    {
        streaks.KeepOnly(watched);
        recordedBlocks.RemoveWhere(block => !watched.Contains(block.Rollout));
        foreach (var key in refusals.Keys.Where(key => !watched.Contains(key.Rollout)).ToList())
        {
            refusals.Remove(key);
        }

        foreach (var id in blindSince.Keys.Concat(lastBreachAt.Keys).Concat(lastAction.Keys).Where(id => !watched.Contains(id)).Distinct().ToList())
        {
            if (blindSince.Remove(id, out var since))
            {
                await nearMisses.BlindEndedAsync(id, since, now, watched: false, cancellationToken);
            }

            lastBreachAt.Remove(id);
            lastAction.Remove(id);
        }

        var gone = remembered.Where(id => !watched.Contains(id)).ToList();
        await memory.ForgetAsync(gone, cancellationToken);
        remembered.ExceptWith(gone);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Guardrails are blind: the metrics snapshot could not be read")]
    private partial void LogReadFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A guardrail poll failed unexpectedly")]
    private partial void LogPollFailed(Exception exception);
}
