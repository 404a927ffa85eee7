using System.Diagnostics;
using MarketSim.Abstractions;
using MarketSim.Abstractions.Runs;
using MarketSim.Engine.Checkpoints;
using MarketSim.Engine.Contracts;
using MarketSim.Engine.Markets;
using MarketSim.Engine.Simulation;
using MarketSim.Engine.Traces;
using MarketSim.Grains.Checkpoints;
using Microsoft.Extensions.Logging;

namespace MarketSim.Grains.Runs;

/// <summary>
/// The run coordinator. It builds the run's grains, then drives the Engine's <see cref="TickCycle"/>
/// over a <see cref="GrainMarketFabric"/>: one awaited phase after another, no timers, no
/// one-way calls. It keeps only the cycle's small state and hands trace rows back to the caller.
/// After the close of every K-th tick it checkpoints the run; when a phase fails because a silo was
/// lost, it restores every grain from the last committed checkpoint and replays from there.
/// </summary>
public sealed partial class RunGrain(
    [PersistentState(CheckpointStorage.Run, CheckpointStorage.Provider)] IPersistentState<RunCheckpoint> checkpoint,
    ILogger<RunGrain> logger) : Grain, IRunGrain
{
    /// <summary>An Advance call returns after this long, well inside the default 30 s response timeout.</summary>
    private static readonly TimeSpan AdvanceBudget = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long one call keeps trying to restore before it returns and lets the caller call again:
    /// restoring fails until the cluster has declared the lost silo dead.
    /// </summary>
    private static readonly TimeSpan RestoreBudget = TimeSpan.FromSeconds(15);

    /// <summary>After this long without a successful restore the run fails.</summary>
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(3);

    /// <summary>A run that needs more recoveries than this is not losing silos by chance; it fails.</summary>
    private const int MaxRecoveries = 10;

    private readonly List<RunRecovery> _recoveries = [];
    private RunSetup? _setup;
    private MarketLayout? _layout;
    private IVenueGrain[] _venues = [];
    private IParticipantGroupGrain? _root;
    private TickCycle? _cycle;
    private (Exception Cause, long AtTick, Stopwatch Since)? _lost;
    private int _recoveryCount;

    /// <summary>Rows of the ticks since the previous committed checkpoint, to send again to a caller whose reply was lost.</summary>
    private readonly List<TickRecord> _recent = [];
    private long? _resendFrom;
    private bool _finished;

    /// <summary>Set by <see cref="Cancel"/>: no further tick runs.</summary>
    private bool _cancelled;

    /// <summary>An Advance call is in progress (Cancel interleaves with it and leaves the clean-up to it).</summary>
    private bool _advancing;

    /// <summary>The tick the last committed checkpoint resumes at; 0 (the start) when there is none.</summary>
    private long Committed => checkpoint.State.Tick;

    public async Task Start(RunSetup setup)
    {
        if (_setup is not null)
        {
            return;
        }

        var layout = ConnectGrains(setup);
        await Task.WhenAll(_venues.Select((v, i) => v.Initialize(setup, i)));
        await _root!.Initialize(setup, 0, layout.Participants.Count);
        _cycle = new TickCycle(layout, CreateFabric());
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

        var records = new List<TickRecord>();
        if (_resendFrom is { } from)
        {
            records.AddRange(_recent.Where(r => r.Tick >= from));
            _resendFrom = null;
        }

        var clock = Stopwatch.StartNew();
        var end = _setup.Scenario.Ticks;
        if (_cancelled || (_lost is not null && !await TryRestoreAsync()))
        {
            return PackBatch(records);
        }

        while (!_cancelled && _cycle.NextTick < end && records.Count < maxTicks && clock.Elapsed < AdvanceBudget)
        {
            var tick = _cycle.NextTick;
            try
            {
                var record = await _cycle.RunTickAsync();
                records.Add(record);
                _recent.Add(record);
                if (_setup.CheckpointEvery > 0 && _cycle.NextTick % _setup.CheckpointEvery == 0 && _cycle.NextTick < end)
                {
                    await CheckpointAsync();
                }
            }
            catch (Exception e) when (SiloLoss.IsLoss(e))
            {
                // Rows already in hand were complete ticks and stay valid; the replay repeats them and the caller drops the repeats.
                LogLoss(_setup.RunId, tick, Committed, SiloLoss.Describe(e));
                _lost = (e, tick, Stopwatch.StartNew());
                if (!await TryRestoreAsync())
                {
                    break;
                }
            }
        }

        if (_lost is null && _cycle.NextTick >= end && !_finished)
        {
            _finished = true;
            LogFinished(_setup.RunId, end);
            await ClearCheckpointsAsync();
        }

        return PackBatch(records);
    }

    public async Task<RunRecovery?> Resume(RunSetup setup, long nextTick, string reason, string? lostSilo)
    {
        if (_cycle is not null && _recent.Count > 0 && _recent[0].Tick <= nextTick)
        {
            // This activation lives: only the reply was lost (with the caller's gateway). Send the rows
            // again; if the lost silo held grains of the run, the next phase finds out and recovers.
            _resendFrom = nextTick;
            LogResent(setup.RunId, nextTick);
            return null;
        }

        if (_setup is null)
        {
            ConnectGrains(setup);
        }

        // The newest checkpoint that leaves the caller no gap: the last committed, the one before it
        // (gone from some grain only if a later checkpoint was torn), or the start.
        var state = checkpoint.State;
        foreach (var (from, cycle) in new[] { (state.Tick, state.Cycle), (state.PreviousTick, state.PreviousCycle), (0L, Array.Empty<byte>()) })
        {
            if (from > nextTick)
            {
                continue;
            }

            try
            {
                await RestoreAsync(from, cycle);
            }
            catch (InvalidOperationException e) when (from > 0)
            {
                LogCheckpointMissing(setup.RunId, from, e.Message);
                continue;
            }

            _lost = null;
            LogResumed(setup.RunId, RuntimeIdentity, from, nextTick);
            return new RunRecovery(nextTick, from, "client", reason, lostSilo);
        }

        throw new InvalidOperationException($"run {setup.RunId} could not be restored");
    }

    /// <summary>A cancelled run keeps nothing: its checkpoints go, and so does this activation.</summary>
    private async Task EndCancelledAsync()
    {
        if (_setup is not null)
        {
            await ClearCheckpointsAsync();
        }

        DeactivateOnIdle();
    }

    private TickBatch PackBatch(List<TickRecord> records)
    {
        var recoveries = _recoveries.ToArray();
        _recoveries.Clear();
        var finished = !_cancelled && _lost is null && _cycle!.NextTick >= _setup!.Scenario.Ticks;
        return new TickBatch(records, _cycle!.NextTick, finished, Committed, recoveries, RuntimeIdentity);
    }

    /// <summary>Builds the references to the run's grains (not the grains' state).</summary>
    private MarketLayout ConnectGrains(RunSetup setup)
    {
        _setup = setup;
        _layout = new MarketLayout(setup.Scenario, setup.CohortSize);
        _venues = Enumerable.Range(0, setup.Scenario.Venues.Count)
            .Select(v => GrainFactory.GetGrain<IVenueGrain>(setup.VenueKey(v)))
            .ToArray();
        _root = GrainFactory.GetGrain<IParticipantGroupGrain>(setup.GroupKey(0, _layout.Participants.Count));
        return _layout;
    }

    private GrainMarketFabric CreateFabric() => new(_setup!, _venues, _root!);

    /// <summary>
    /// Every venue and participant stores its state for the next tick, keeping the last committed
    /// checkpoint; then the coordinator's record commits the new one.
    /// </summary>
    private async Task CheckpointAsync()
    {
        var clock = Stopwatch.StartNew();
        var tick = _cycle!.NextTick;
        var keep = Committed;
        await Task.WhenAll(_venues.Select(v => v.SaveCheckpoint(tick, keep)).Append(_root!.SaveCheckpoint(tick, keep)));
        var previous = checkpoint.State;
        checkpoint.State = new RunCheckpoint { Tick = tick, Cycle = CheckpointWriter.Capture(_cycle), PreviousTick = previous.Tick, PreviousCycle = previous.Cycle };
        await checkpoint.WriteStateAsync();
        _recent.RemoveAll(r => r.Tick < previous.Tick);
        LogCheckpoint(_setup!.RunId, tick, clock.ElapsedMilliseconds);
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
            await Task.WhenAll(_venues.Select(v => v.ClearCheckpoints()).Append(_root!.ClearCheckpoints()));
            await checkpoint.ClearStateAsync();
        }
        catch (Exception e) when (SiloLoss.IsLoss(e))
        {
            LogClearFailed(_setup.RunId, SiloLoss.Describe(e));
        }
    }

    /// <summary>
    /// Tries, for up to <see cref="RestoreBudget"/>, to restore the run from the last committed
    /// checkpoint after the loss in <see cref="_lost"/>; false if the caller should call again.
    /// </summary>
    /// <exception cref="InvalidOperationException">Recovery has failed for too long, or too often.</exception>
    private async Task<bool> TryRestoreAsync()
    {
        var (cause, atTick, since) = _lost!.Value;
        if (++_recoveryCount > MaxRecoveries)
        {
            throw new InvalidOperationException($"run {_setup!.RunId} lost a silo {_recoveryCount} times; giving up (last: {SiloLoss.Describe(cause)})", cause);
        }

        var clock = Stopwatch.StartNew();
        var delay = TimeSpan.FromSeconds(1);
        while (true)
        {
            // Restoring cannot succeed until membership has declared the lost silo dead.
            await Task.Delay(delay);
            try
            {
                await RestoreAsync(Committed, checkpoint.State.Cycle);
                _lost = null;
                _recoveries.Add(new RunRecovery(atTick, Committed, "coordinator", SiloLoss.Describe(cause), null));
                LogRestored(_setup!.RunId, Committed, atTick, since.ElapsedMilliseconds);
                return true;
            }
            catch (Exception e) when (SiloLoss.IsLoss(e))
            {
                if (since.Elapsed > GiveUpAfter)
                {
                    throw new InvalidOperationException(
                        $"run {_setup!.RunId} lost a silo at tick {atTick} and could not restore the checkpoint of tick {Committed} within {GiveUpAfter.TotalMinutes:0} minutes: {SiloLoss.Describe(e)}", e);
                }

                if (clock.Elapsed > RestoreBudget)
                {
                    _recoveryCount--; // the same recovery continues in the next call
                    return false;
                }

                delay = TimeSpan.FromSeconds(Math.Min(4, delay.TotalSeconds * 2));
            }
        }
    }

    /// <summary>Rebuilds every grain of the run from the checkpoint of <paramref name="tick"/> (0: the start), then the tick cycle.</summary>
    private async Task RestoreAsync(long tick, byte[] cycleState)
    {
        var setup = _setup!;
        await Task.WhenAll(_venues.Select((v, i) => v.RestoreCheckpoint(setup, i, tick))
            .Append(_root!.RestoreCheckpoint(setup, 0, _layout!.Participants.Count, tick)));
        _recent.RemoveAll(r => r.Tick >= tick); // the replay adds them again
        var cycle = new TickCycle(_layout, CreateFabric());
        if (tick > 0)
        {
            CheckpointReader.Apply(cycleState, cycle);
        }

        _cycle = cycle;
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
