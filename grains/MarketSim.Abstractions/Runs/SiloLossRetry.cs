using Polly;
using Polly.Retry;

namespace MarketSim.Abstractions.Runs;

/// <summary>
/// How a run waits out a lost silo, for the coordinator restoring its checkpoint and the client resuming a lost
/// coordinator alike: nothing answers for the silo's grains until membership has declared it dead, so each waits
/// first, then retries silo losses (<see cref="SiloLoss.IsLoss"/>) with exponential back-off capped at a few
/// seconds, and gives up <see cref="GiveUpAfter"/> after the loss. The one place these numbers are set; Polly retries.
/// </summary>
public static class SiloLossRetry
{
    /// <summary>How long after a loss a run stops trying to restore or resume, and fails.</summary>
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(3);

    /// <summary>The wait before the first try, and the first back-off.</summary>
    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(4);

    /// <summary>
    /// Waits, then runs <paramref name="attempt"/> until it succeeds, retrying a silo loss while
    /// <paramref name="keepTrying"/> (asked after each failure) allows; the failure that ends the retries is thrown.
    /// Continues on the caller's scheduler, so grain code stays on its activation.
    /// </summary>
    public static async Task<T> ExecuteAsync<T>(Func<Task<T>> attempt, Func<bool> keepTrying, CancellationToken cancellationToken = default)
    {
        var pipeline = new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && SiloLoss.IsLoss(e) && keepTrying()),
            BackoffType = DelayBackoffType.Exponential,
            Delay = FirstDelay,
            MaxDelay = MaxDelay,
            UseJitter = false,
            MaxRetryAttempts = int.MaxValue,
        }).Build();

        await Task.Delay(FirstDelay, cancellationToken);
        var context = ResilienceContextPool.Shared.Get(continueOnCapturedContext: true, cancellationToken);
        try
        {
            return await pipeline.ExecuteAsync(static async (_, attempt) => await attempt(), context, attempt);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
