using MarketSim.Engine.Contracts;
using MarketSim.Engine.Participants;
using MarketSim.Engine.Venues;

namespace MarketSim.Engine.Simulation;

/// <summary>
/// The in-process host: every venue and participant as plain objects, each phase a loop. It is the
/// reference the Orleans host must match, the fastest way to run, and what unit tests drive.
/// </summary>
public sealed partial class DirectMarket : IMarketFabric, Checkpoints.ICheckpointable
{
    private readonly MarketLayout _layout;
    private readonly OrderRouter _router;
    private readonly CostBasisGrid _costGrid;

    public DirectMarket(MarketLayout layout)
    {
        _layout = layout;
        Venues = Enumerable.Range(0, layout.Scenario.Venues.Count).Select(v => new Venue(layout, v)).ToArray();
        Participants = layout.Participants.Select(p => ParticipantFactory.Create(layout, p)).ToArray();
        _router = new OrderRouter(Venues.Count);
        _costGrid = new CostBasisGrid(layout);
    }

    public IReadOnlyList<Venue> Venues { get; }
    public IReadOnlyList<IParticipant> Participants { get; }

    public ValueTask DecideAsync(MarketSnapshot snapshot, CancellationToken cancellationToken)
    {
        foreach (var participant in Participants)
        {
            participant.Decide(snapshot, _router);
            Deliver(participant);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<RoundOutcome> ClearAsync(long tick, int round, bool final, long[] marks, CancellationToken cancellationToken) =>
        ValueTask.FromResult(RoundOutcome.Merge(round, final, _layout.Books.Count, Venues.Select(v => v.Clear(tick, round, marks))));

    public ValueTask<int> SettleAsync(long tick, RoundOutcome outcome, CancellationToken cancellationToken)
    {
        var forced = 0;
        foreach (var participant in Participants)
        {
            var fills = participant.Venues.Select(v => Venues[v].TakeFills(participant.Slot.Endpoint)).ToArray();
            participant.Settle(outcome, fills, _router);
            forced += Deliver(participant);
        }

        return ValueTask.FromResult(forced);
    }

    public ValueTask<IReadOnlyList<VenueTickReport>> CloseVenuesAsync(long tick, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<VenueTickReport>>(Venues.Select(v => v.CloseTick(tick)).ToArray());

    public ValueTask<ParticipantCloseReport> CloseParticipantsAsync(long tick, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ParticipantClose.Report(Participants, tick, _layout, _costGrid));

    public ValueTask<Ledger> HoldingsAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(ParticipantHoldings().Add(Ledger.Sum(_layout.Instruments.Count, Venues.Select(v => v.Holdings()))));

    private Ledger ParticipantHoldings() => Ledger.Sum(_layout.Instruments.Count, Participants.Select(p => p.Holdings()));

    private int Deliver(IParticipant participant) =>
        _router.Deliver((venue, batch) => Venues[venue].Submit(participant.Slot.Endpoint, batch));
}
