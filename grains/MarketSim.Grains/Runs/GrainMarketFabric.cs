using MarketSim.Abstractions;
using MarketSim.Abstractions.Runs;
using MarketSim.Abstractions.Snapshots;
using MarketSim.Engine.Contracts;
using MarketSim.Engine.Simulation;

namespace MarketSim.Grains.Runs;

/// <summary>
/// Carries the phases of a tick to grains: venues directly (there are few), participants through
/// the root of the fan-out tree. Each phase is awaited in full before the next starts. Participants
/// get each snapshot as its change from the one before (the whole of it first: a fabric is new with
/// every cycle the coordinator builds, also after a recovery).
/// </summary>
internal sealed class GrainMarketFabric(RunSetup setup, IVenueGrain[] venues, IParticipantGroupGrain participants) : IMarketFabric
{
    /// <summary>The snapshot the participants were last sent; null until the first decide phase.</summary>
    private MarketSnapshot? _sent;

    public async ValueTask DecideAsync(MarketSnapshot snapshot, CancellationToken cancellationToken)
    {
        var change = SnapshotChange.Between(_sent, snapshot);
        _sent = snapshot;
        await participants.Decide(change);
    }

    public async ValueTask<RoundOutcome> ClearAsync(long tick, int round, bool final, long[] marks, CancellationToken cancellationToken)
    {
        var reports = await Task.WhenAll(venues.Select(v => v.Clear(tick, round, marks)));
        return RoundOutcome.Merge(round, final, reports.Sum(r => r.Books.Count), reports);
    }

    public async ValueTask<int> SettleAsync(long tick, RoundOutcome outcome, CancellationToken cancellationToken) =>
        await participants.Settle(tick, outcome);

    public async ValueTask<IReadOnlyList<VenueTickReport>> CloseVenuesAsync(long tick, CancellationToken cancellationToken) =>
        await Task.WhenAll(venues.Select(v => v.CloseTick(tick)));

    public async ValueTask<ParticipantCloseReport> CloseParticipantsAsync(long tick, CancellationToken cancellationToken) =>
        await participants.CloseTick(tick);

    public async ValueTask<Ledger> HoldingsAsync(CancellationToken cancellationToken)
    {
        var venueHoldings = await Task.WhenAll(venues.Select(v => v.Holdings()));
        var participantHoldings = await participants.Holdings();
        return Ledger.Sum(setup.Scenario.Instruments.Count, venueHoldings.Append(participantHoldings));
    }
}
