using MarketSim.Abstractions;
using MarketSim.Abstractions.Runs;
using MarketSim.Engine.Checkpoints;
using MarketSim.Engine.Contracts;
using MarketSim.Engine.Simulation;
using MarketSim.Grains.Checkpoints;

namespace MarketSim.Grains.Runs;

/// <summary>
/// Commits a run's checkpoints and restores its grains from one. Every venue and participant stores
/// its state, keeping the last committed generation; then the coordinator's record is written, which
/// is what commits the new one (<see cref="RunCheckpoint"/>).
/// </summary>
internal sealed class RunCheckpoints(IPersistentState<RunCheckpoint> record, RunSetup setup, MarketLayout layout, IVenueGrain[] venues, IParticipantGroupGrain root)
{
    /// <summary>The tick the last committed checkpoint resumes at; 0 (the start) when there is none.</summary>
    public long Committed => record.State.Tick;

    /// <summary>Checkpoints the run for tick <see cref="TickCycle.NextTick"/>.</summary>
    public async Task CommitAsync(TickCycle cycle)
    {
        var tick = cycle.NextTick;
        var keep = Committed;
        await Task.WhenAll(venues.Select(v => v.SaveCheckpoint(tick, keep)).Append(root.SaveCheckpoint(tick, keep)));
        var previous = record.State;
        record.State = new RunCheckpoint { Tick = tick, Cycle = CheckpointWriter.Capture(cycle), PreviousTick = previous.Tick, PreviousCycle = previous.Cycle };
        await record.WriteStateAsync();
    }

    /// <summary>Removes every checkpoint of the run from storage.</summary>
    public async Task ClearAsync()
    {
        await Task.WhenAll(venues.Select(v => v.ClearCheckpoints()).Append(root.ClearCheckpoints()));
        await record.ClearStateAsync();
    }

    /// <summary>Restores from the last committed checkpoint (the start when there is none).</summary>
    public Task<TickCycle> RestoreCommittedAsync(Func<TickCycle> fresh) => RestoreAsync(Committed, record.State.Cycle, fresh);

    /// <summary>
    /// Restores from the newest checkpoint that leaves a caller holding the rows before
    /// <paramref name="nextTick"/> no gap: the last committed, the one before it (which the grains
    /// still hold unless a later checkpoint was torn), or the start. <paramref name="skipped"/> hears
    /// of each checkpoint found incomplete.
    /// </summary>
    public async Task<(long From, TickCycle Cycle)> RestoreNewestAsync(long nextTick, Func<TickCycle> fresh, Action<long, CheckpointMissingException> skipped)
    {
        var state = record.State;
        foreach (var (from, cycle) in new[] { (state.Tick, state.Cycle), (state.PreviousTick, state.PreviousCycle) })
        {
            if (from == 0 || from > nextTick)
            {
                continue;
            }

            try
            {
                return (from, await RestoreAsync(from, cycle, fresh));
            }
            catch (CheckpointMissingException e)
            {
                skipped(from, e);
            }
        }

        return (0, await RestoreAsync(0, [], fresh));
    }

    /// <summary>Rebuilds every grain of the run from the checkpoint of <paramref name="tick"/> (0: the start), then the tick cycle.</summary>
    private async Task<TickCycle> RestoreAsync(long tick, byte[] cycleState, Func<TickCycle> fresh)
    {
        await Task.WhenAll(venues.Select((v, i) => v.RestoreCheckpoint(setup, i, tick))
            .Append(root.RestoreCheckpoint(setup, 0, layout.Participants.Count, tick)));
        var cycle = fresh();
        if (tick > 0)
        {
            CheckpointReader.Apply(cycleState, cycle);
        }

        return cycle;
    }
}
