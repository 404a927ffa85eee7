using MarketSim.Abstractions.Runs;
using MarketSim.Engine.Contracts;
using MarketSim.Engine.Orders;

namespace MarketSim.Abstractions;

/// <summary>A venue of one run: hosts the Engine's <c>Venue</c>. Keyed by <c>{run}/venue/{index}</c>.</summary>
[Alias("MarketSim.IVenueGrain")]
public interface IVenueGrain : IGrainWithStringKey
{
    [Alias("Initialize")]
    Task Initialize(RunSetup setup, int venue);

    /// <summary>Decide and settle phases: a participant endpoint queues orders for the next clear.</summary>
    [Alias("Submit")]
    Task Submit(int endpoint, OrderBatch orders);

    /// <summary>Clear phase: match everything queued for this round; <paramref name="marks"/> is each book's mark-price index (0 = none).</summary>
    [Alias("Clear")]
    Task<ClearReport> Clear(long tick, int round, long[] marks);

    /// <summary>Settle phase: an endpoint takes its fills.</summary>
    [Alias("TakeFills")]
    Task<FillBatch> TakeFills(int endpoint);

    /// <summary>Record phase: close the tick and report.</summary>
    [Alias("CloseTick")]
    Task<VenueTickReport> CloseTick(long tick);

    [Alias("Holdings")]
    Task<Ledger> Holdings();

    /// <summary>Checkpoint phase, between ticks: stores the venue's state for the tick <paramref name="tick"/>, keeping the checkpoint of <paramref name="keep"/>.</summary>
    [Alias("SaveCheckpoint")]
    Task SaveCheckpoint(long tick, long keep);

    /// <summary>After the last tick: removes the stored checkpoints.</summary>
    [Alias("ClearCheckpoints")]
    Task ClearCheckpoints();

    /// <summary>Recovery: rebuilds the venue from <paramref name="setup"/> and its checkpoint for <paramref name="tick"/> (0: the start).</summary>
    [Alias("RestoreCheckpoint")]
    Task RestoreCheckpoint(RunSetup setup, int venue, long tick);
}
