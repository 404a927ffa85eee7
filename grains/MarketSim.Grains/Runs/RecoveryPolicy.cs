using System.Diagnostics;
using MarketSim.Abstractions.Runs;

namespace MarketSim.Grains.Runs;

/// <summary>
/// When and how often a coordinator tries to restore its run after a lost silo: restoring fails
/// until membership has declared the silo dead, so it waits and retries with back-off
/// (<see cref="SiloLossRetry"/>, shared with the client), returns to its caller now and then (an
/// Advance call must answer inside the response timeout), and fails the run after too long or too many losses.
/// </summary>
internal sealed class RecoveryPolicy(string runId)
{
    /// <summary>How long one call keeps trying before it returns and lets the caller call again.</summary>
    private static readonly TimeSpan RestoreBudget = TimeSpan.FromSeconds(15);

    /// <summary>A run that loses more silos than this is not losing them by chance; it fails.</summary>
    private const int MaxLosses = 10;

    private int _losses;

    /// <summary>Records a new loss; a loss still being restored over several calls counts once.</summary>
    /// <exception cref="InvalidOperationException">The run has lost silos too often.</exception>
    public RunLoss Lose(Exception cause, long atTick)
    {
        _losses++;
        if (_losses > MaxLosses)
        {
            throw new InvalidOperationException($"run {runId} lost a silo {_losses} times; giving up (last: {SiloLoss.Describe(cause)})", cause);
        }

        return new RunLoss(cause, atTick, Stopwatch.StartNew());
    }

    /// <summary>
    /// Tries <paramref name="restore"/> (from the checkpoint of <paramref name="checkpoint"/>) until it
    /// succeeds (true) or this call's budget is spent (false: call again).
    /// </summary>
    /// <exception cref="InvalidOperationException">Restoring has failed for longer than the run may wait.</exception>
    public async Task<bool> TryRestoreAsync(RunLoss loss, long checkpoint, Func<Task> restore)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            return await SiloLossRetry.ExecuteAsync(
                async () =>
                {
                    await restore();
                    return true;
                },
                keepTrying: () => loss.Since.Elapsed <= SiloLossRetry.GiveUpAfter && clock.Elapsed <= RestoreBudget);
        }
        catch (Exception e) when (SiloLoss.IsLoss(e))
        {
            if (loss.Since.Elapsed > SiloLossRetry.GiveUpAfter)
            {
                throw new InvalidOperationException(
                    $"run {runId} lost a silo at tick {loss.AtTick} and could not restore the checkpoint of tick {checkpoint} within {SiloLossRetry.GiveUpAfter.TotalMinutes:0} minutes: {SiloLoss.Describe(e)}", e);
            }

            // This call's budget is spent: the caller calls again.
            return false;
        }
    }
}
