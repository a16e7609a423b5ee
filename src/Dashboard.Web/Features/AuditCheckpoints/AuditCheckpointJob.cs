using System.Globalization;
using Dashboard.Core.Audit;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Web.Features.Leadership;
using Dashboard.Web.Features.Notifications;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.AuditCheckpoints;

/// <summary>
/// Checkpoints the audit chain's head once at start-up — before the app serves anything, so verification always
/// has a checkpoint to compare with — and then every <c>Audit:CheckpointInterval</c>: a signed line in the
/// checkpoint file and, for the periodic ones when <c>Notifications:WebhookUrl</c> is set, the same checkpoint as a
/// chat message, a copy that whoever holds the server cannot take back. The start-up checkpoint stays in the file
/// only, so a restart loop cannot flood the channel. A chain that does not verify is not signed: it is logged and
/// posted as critical instead (docs/security.md, "Audit chain"). Every instance writes its own file (verification compares
/// the chain with the file of the instance that verifies); only the holder of the automation lease posts the periodic
/// copy, so the channel gets one per interval, not one per instance (docs/high-availability.md, "Lease").
/// </summary>
public sealed partial class AuditCheckpointJob(
    AuditCheckpointWriter writer,
    NotificationQueue notifications,
    IAutomationLease lease,
    IOptions<AuditChainOptions> options,
    TimeProvider timeProvider,
    ILogger<AuditCheckpointJob> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await CheckpointAsync(post: false, cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckpointInterval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await CheckpointAsync(post: lease.IsHeld, stoppingToken);
        }
    }

    private async Task CheckpointAsync(bool post, CancellationToken cancellationToken)
    {
        AuditCheckpointOutcome outcome;
        try
        {
            outcome = await writer.WriteAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A full disk or a locked store must not stop the app; the next round tries again.
            LogFailed(logger, ex);
            return;
        }

        if (outcome.Problem is { } problem)
        {
            LogRefused(logger, problem);
            notifications.Enqueue(new Notification(
                $"audit-chain:refused:{problem}", NotificationSeverity.Critical, "The audit chain does not verify: no checkpoint was signed",
                problem, [], null, timeProvider.GetUtcNow()));
            return;
        }

        if (outcome is { Written: true, Checkpoint: { } checkpoint })
        {
            LogWritten(logger, checkpoint.Sequence, checkpoint.Hash);
            if (post)
            {
                notifications.Enqueue(ToNotification(checkpoint));
            }
        }
    }

    private static Notification ToNotification(AuditCheckpoint checkpoint) => new(
        $"audit-checkpoint:{checkpoint.Sequence.ToString(CultureInfo.InvariantCulture)}:{checkpoint.Hash}",
        NotificationSeverity.Info,
        $"Audit checkpoint: record {checkpoint.Sequence.ToString(CultureInfo.InvariantCulture)}",
        "The signed head of the audit chain. Keep it: verifying the chain later compares it with the newest checkpoint.",
        [
            new("sequence", checkpoint.Sequence.ToString(CultureInfo.InvariantCulture)),
            new("hash", checkpoint.Hash),
            new("at", checkpoint.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
            new("keyedFrom", checkpoint.KeyedFrom.ToString(CultureInfo.InvariantCulture)),
            new("keyId", checkpoint.KeyId),
            new("signature", checkpoint.Signature),
        ],
        null,
        checkpoint.At);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit chain checkpoint written: record {Sequence}, hash {Hash}")]
    private static partial void LogWritten(ILogger logger, long sequence, string hash);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The audit chain does not verify, so no checkpoint was signed: {Problem}")]
    private static partial void LogRefused(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "The audit chain checkpoint could not be written; the next round tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
