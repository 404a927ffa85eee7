using MarketSim.Engine.Contracts;

namespace MarketSim.Engine.Simulation;

/// <summary>
/// How a host carries the phases of a tick to the venues and participants. The direct host calls
/// Engine objects in-process; the Orleans host fans each phase out to grains and awaits it. The
/// <see cref="TickCycle"/> that drives the phases is the same for both, which is why both hosts
/// produce the same trace.
/// </summary>
public interface IMarketFabric
{
    /// <summary>Decide: every participant sends its orders for round 0 to the venues.</summary>
    ValueTask DecideAsync(MarketSnapshot snapshot, CancellationToken cancellationToken);

    /// <summary>
    /// Clear: every venue matches what it holds for this round; <paramref name="final"/> marks the tick's last round;
    /// <paramref name="marks"/> is each book's mark-price index for margin checks (0 = its last trade).
    /// </summary>
    ValueTask<RoundOutcome> ClearAsync(long tick, int round, bool final, long[] marks, CancellationToken cancellationToken);

    /// <summary>Settle: participants take their fills and send forced orders; returns how many.</summary>
    ValueTask<int> SettleAsync(long tick, RoundOutcome outcome, CancellationToken cancellationToken);

    /// <summary>Venues close the tick and report.</summary>
    ValueTask<IReadOnlyList<VenueTickReport>> CloseVenuesAsync(long tick, CancellationToken cancellationToken);

    /// <summary>Participants close the tick; returns what they hold in total, with their cost basis and armed stops.</summary>
    ValueTask<ParticipantCloseReport> CloseParticipantsAsync(long tick, CancellationToken cancellationToken);

    /// <summary>What the whole market holds now: participants plus venues.</summary>
    ValueTask<Ledger> HoldingsAsync(CancellationToken cancellationToken);
}
