using System.Diagnostics;
using MarketSim.Abstractions;
using MarketSim.Abstractions.Runs;
using MarketSim.Engine.Contracts;
using MarketSim.Engine.Simulation;
using MarketSim.Engine.Traces;
using MarketSim.Grains.Checkpoints;
using Microsoft.Extensions.Logging;

namespace MarketSim.Grains.Runs;

/// <summary>
/// The run coordinator. It builds the run's grains, then drives the Engine's <see cref="TickCycle"/>
/// over a <see cref="GrainMarketFabric"/>: one awaited phase after another, no timers, no
/// one-way calls. It keeps only the cycle's small state and hands trace rows back to the caller.
/// After the close of every K-th tick it checkpoints the run (<see cref="RunCheckpoints"/>); when a
/// phase fails because a silo was lost, it restores every grain from the last committed checkpoint
/// (<see cref="RecoveryPolicy"/>) and replays from there; a reply its caller lost it sends again
/// (<see cref="UnconfirmedReplies"/>).
/// </summary>
public sealed partial class RunGrain(
    [PersistentState(CheckpointStorage.Run, CheckpointStorage.Provider)] IPersistentState<RunCheckpoint> checkpoint,
    ILogger<RunGrain> logger) : Grain, IRunGrain
{
    /// <summary>An Advance call returns after this long, well inside the default 30 s response timeout.</summary>
    private static readonly TimeSpan AdvanceBudget = TimeSpan.FromSeconds(2);

    private readonly UnconfirmedReplies _replies = new();
    private RunSetup? _setup;
    private RunCheckpoints? _checkpoints;
    private RecoveryPolicy? _recovery;
    private Func<TickCycle>? _freshCycle;
    private TickCycle? _cycle;
    private RunLoss? _loss;
    private bool _finished;

    /// <summary>Set by <see cref="Cancel"/>: no further tick runs.</summary>
    private bool _cancelled;

    /// <summary>An Advance call is in progress (Cancel interleaves with it and leaves the clean-up to it).</summary>
    private bool _advancing;

    public async Task Start(RunSetup setup)
    {
        if (_setup is not null)
        {
            return;
        }

        var (layout, venues, root) = Connect(setup);
        await Task.WhenAll(venues.Select((v, i) => v.Initialize(setup, i)));
        await root.Initialize(setup, 0, layout.Participants.Count);
        _cycle = _freshCycle!();
        LogStarted(setup.RunId, RuntimeIdentity, layout.Participants.Count, setup.Scenario.Retail.Count, setup.CheckpointEvery);
    }

    public async Task<TickBatch> Advance(int maxTicks)
    {
        _advancing = true;
        try
        {
            var batch = await AdvanceTicksAsync(maxTicks);
            if (_cancelled)
            {
                await EndCancelledAsync();
            }

            return batch;
        }
        finally
        {
            _advancing = false;
        }
    }

    public async Task Cancel()
    {
        if (_cancelled)
        {
            return;
        }

        _cancelled = true;
        LogCancelled(this.GetPrimaryKeyString(), _cycle?.NextTick ?? 0);
        if (!_advancing)
        {
            await EndCancelledAsync();
        }
    }

    private async Task<TickBatch> AdvanceTicksAsync(int maxTicks)
    {
        if (_setup is null || _cycle is null)
        {
            // A new activation: the coordinator's silo was lost between two calls. The caller resumes.
            throw new RunStateLostException($"run {this.GetPrimaryKeyString()}");
        }

        var records = _replies.StartReply(_cycle.NextTick);
        var clock = Stopwatch.StartNew();
        var end = _setup.Scenario.Ticks;
        if (_cancelled || (_loss is not null && !await TryRestoreAsync(_loss)))
        {
            return Reply(records);
        }

        while (!_cancelled && _cycle.NextTick < end && records.Count < maxTicks && clock.Elapsed < AdvanceBudget)
        {
            var tick = _cycle.NextTick;
            try
            {
                var record = await _cycle.RunTickAsync();
                records.Add(record);
                _replies.Add(record);
                if (_setup.CheckpointEvery > 0 && _cycle.NextTick % _setup.CheckpointEvery == 0 && _cycle.NextTick < end)
                {
                    var saving = Stopwatch.StartNew();
                    await _checkpoints!.CommitAsync(_cycle);
                    LogCheckpoint(_setup.RunId, _cycle.NextTick, saving.ElapsedMilliseconds);
                }
            }
            catch (Exception e) when (SiloLoss.IsLoss(e))
            {
                // Rows already in hand were complete ticks and stay valid; the replay repeats them and the caller drops the repeats.
                LogLoss(_setup.RunId, tick, _checkpoints!.Committed, SiloLoss.Describe(e));
                _loss = _recovery!.Lose(e, tick);
                if (!await TryRestoreAsync(_loss))
                {
                    break;
                }
            }
        }

        if (_loss is null && _cycle.NextTick >= end && !_finished)
        {
            _finished = true;
            LogFinished(_setup.RunId, end);
            await ClearCheckpointsAsync();
        }

        return Reply(records);
    }

    public async Task<RunRecovery?> Resume(RunSetup setup, long nextTick, string reason, string? lostSilo)
    {
        if (_cycle is not null && _replies.CanResendFrom(nextTick))
        {
            // This activation lives: only the reply was lost (with the caller's gateway). Send its rows
            // and recoveries again; if the lost silo held grains of the run, the next phase finds out and recovers.
            _replies.ResendFrom(nextTick);
            LogResent(setup.RunId, nextTick);
            return null;
        }

        if (_setup is null)
        {
            Connect(setup);
        }
        else
        {
            // A live coordinator whose caller lacks rows it no longer holds: the replay resends them, and the
            // recoveries of the reply the caller lost go with the next one.
            _replies.ResendRecoveries();
        }

        var (from, cycle) = await _checkpoints!.RestoreNewestAsync(nextTick, _freshCycle!, (tick, e) => LogCheckpointMissing(setup.RunId, tick, e.Message));
        Restored(from, cycle);
        LogResumed(setup.RunId, RuntimeIdentity, from, nextTick);
        return new RunRecovery(nextTick, from, RecoveredBy.Client, reason, lostSilo);
    }

    private TickBatch Reply(List<TickRecord> records)
    {
        var finished = !_cancelled && _loss is null && _cycle!.NextTick >= _setup!.Scenario.Ticks;
        return new TickBatch(records, _cycle!.NextTick, finished, _checkpoints!.Committed, _replies.TakeRecoveries(), RuntimeIdentity);
    }

    /// <summary>Builds the references to the run's grains (not the grains' state), and what checkpoints and recovers them.</summary>
    private (MarketLayout Layout, IVenueGrain[] Venues, IParticipantGroupGrain Root) Connect(RunSetup setup)
    {
        var layout = new MarketLayout(setup.Scenario, setup.CohortSize);
        var venues = Enumerable.Range(0, setup.Scenario.Venues.Count)
            .Select(v => GrainFactory.GetGrain<IVenueGrain>(setup.VenueKey(v)))
            .ToArray();
        var root = GrainFactory.GetGrain<IParticipantGroupGrain>(setup.GroupKey(0, layout.Participants.Count));
        _setup = setup;
        _checkpoints = new RunCheckpoints(checkpoint, setup, layout, venues, root);
        _recovery = new RecoveryPolicy(setup.RunId);
        _freshCycle = () => new TickCycle(layout, new GrainMarketFabric(setup, venues, root));
        return (layout, venues, root);
    }

    /// <summary>The caller stopped the run: its checkpoints would only fill the storage, and the coordinator is done.</summary>
    private async Task EndCancelledAsync()
    {
        if (_setup is not null)
        {
            await ClearCheckpointsAsync();
        }

        DeactivateOnIdle();
    }

    /// <summary>
    /// The run is over and its rows are on their way: its checkpoints would only fill the storage.
    /// A silo lost now costs nothing but leftovers, so failing to clear is logged, not thrown.
    /// </summary>
    private async Task ClearCheckpointsAsync()
    {
        if (_setup!.CheckpointEvery <= 0)
        {
            return;
        }

        try
        {
            await _checkpoints!.ClearAsync();
        }
        catch (Exception e) when (SiloLoss.IsLoss(e))
        {
            LogClearFailed(_setup.RunId, SiloLoss.Describe(e));
        }
    }

    /// <summary>Restores the run from the last committed checkpoint after <paramref name="loss"/>; false if the caller should call again.</summary>
    private async Task<bool> TryRestoreAsync(RunLoss loss)
    {
        var from = _checkpoints!.Committed;
        TickCycle? cycle = null;
        if (!await _recovery!.TryRestoreAsync(loss, from, async () => cycle = await _checkpoints.RestoreCommittedAsync(_freshCycle!)))
        {
            return false;
        }

        Restored(from, cycle!);
        _replies.Add(new RunRecovery(loss.AtTick, from, RecoveredBy.Coordinator, SiloLoss.Describe(loss.Cause), null));
        LogRestored(_setup!.RunId, from, loss.AtTick, loss.Since.ElapsedMilliseconds);
        return true;
    }

    /// <summary>Every grain holds the state of tick <paramref name="from"/> and <paramref name="cycle"/> runs it next.</summary>
    private void Restored(long from, TickCycle cycle)
    {
        _replies.ForgetFrom(from); // the replay adds them again
        _cycle = cycle;
        _loss = null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} started on silo {Silo}: {Endpoints} participant endpoints, {RetailAgents} retail agents, checkpoint every {CheckpointEvery} ticks")]
    private partial void LogStarted(string runId, string silo, int endpoints, long retailAgents, int checkpointEvery);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} checkpoint for tick {Tick} committed in {Milliseconds} ms")]
    private partial void LogCheckpoint(string runId, long tick, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} lost a silo at tick {Tick}; restoring the checkpoint for tick {Checkpoint}: {Reason}")]
    private partial void LogLoss(string runId, long tick, long checkpoint, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} restored from the checkpoint for tick {Checkpoint} after a loss at tick {Tick}, {Milliseconds} ms after it")]
    private partial void LogRestored(string runId, long checkpoint, long tick, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} resumed on silo {Silo} from the checkpoint for tick {Checkpoint}; the client has rows up to tick {NextTick}")]
    private partial void LogResumed(string runId, string silo, long checkpoint, long nextTick);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: the caller lost a reply; sending the rows from tick {NextTick} again")]
    private partial void LogResent(string runId, long nextTick);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: the checkpoint for tick {Checkpoint} is not complete, trying an older one: {Reason}")]
    private partial void LogCheckpointMissing(string runId, long checkpoint, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} finished, but its checkpoints could not all be removed from storage: {Reason}")]
    private partial void LogClearFailed(string runId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} cancelled by its caller at tick {Tick}; no further tick runs")]
    private partial void LogCancelled(string runId, long tick);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} finished after {Ticks} ticks")]
    private partial void LogFinished(string runId, int ticks);
}
