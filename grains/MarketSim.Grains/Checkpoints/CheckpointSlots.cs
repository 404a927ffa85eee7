using MarketSim.Abstractions.Runs;
using MarketSim.Engine.Checkpoints;

namespace MarketSim.Grains.Checkpoints;

/// <summary>
/// The two checkpoint generations a venue or participant grain keeps in the <c>checkpoints</c>
/// storage. A new checkpoint never overwrites the one the coordinator last committed (it names it
/// as <c>keep</c>), so a silo lost halfway through writing a checkpoint leaves every grain still
/// holding the committed one: a checkpoint is torn only until the coordinator's own record commits it.
/// </summary>
internal sealed class CheckpointSlots(IPersistentState<CheckpointSlot> first, IPersistentState<CheckpointSlot> second)
{
    public async Task SaveAsync(long tick, long keep, ICheckpointable state)
    {
        var slot = first.State.Tick == keep ? second : first;
        slot.State = new CheckpointSlot { Tick = tick, State = CheckpointWriter.Capture(state) };
        await slot.WriteStateAsync();
    }

    /// <summary>Removes both generations from storage: the run is over.</summary>
    public Task ClearAsync() => Task.WhenAll(first.ClearStateAsync(), second.ClearStateAsync());

    /// <summary>Restores <paramref name="state"/> from the checkpoint for <paramref name="tick"/>; tick 0 is the freshly built state itself.</summary>
    /// <exception cref="CheckpointMissingException">This grain holds no checkpoint for the tick.</exception>
    public async Task RestoreAsync(long tick, ICheckpointable state, string grain)
    {
        if (tick == 0)
        {
            return;
        }

        var slot = first.State.Tick == tick ? first : second.State.Tick == tick ? second : null;
        if (slot is null)
        {
            // A new activation has read its state at activation; one that survived re-reads in case another activation wrote since.
            await Task.WhenAll(first.ReadStateAsync(), second.ReadStateAsync());
            slot = first.State.Tick == tick ? first : second.State.Tick == tick ? second : null;
        }

        CheckpointReader.Apply(
            slot?.State.State ?? throw new CheckpointMissingException(grain, tick, first.State.Tick, second.State.Tick),
            state);
    }
}
