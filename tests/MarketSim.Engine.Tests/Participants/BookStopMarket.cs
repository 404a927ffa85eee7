using MarketSim.Engine.Contracts;
using MarketSim.Engine.Orders;
using MarketSim.Engine.Participants;
using MarketSim.Engine.Participants.Retail;
using MarketSim.Engine.Scenarios;
using MarketSim.Engine.Venues;

namespace MarketSim.Engine.Tests.Participants;

/// <summary>
/// A retail cohort whose stops rest on the book (stop 12.5% under cost, limit 100 bps under the stop) wired to a
/// real BTC venue (tick 1, lots of 0.001, opening 100,000, taker fee 5 bps) and nothing else: the test places the
/// other side's orders itself, as owners <see cref="Buyer"/> and <see cref="Seller"/>, and drives every round.
/// </summary>
internal sealed class BookStopMarket
{
    public const long Buyer = 900_000;
    public const long Seller = 900_001;
    private const int TestEndpoint = 99;

    private readonly Venue _venue;
    private readonly OrderRouter _router = new(1);
    private readonly OrderBatchBuilder _orders = new();

    public BookStopMarket(int agents = 1, double distanceMin = 0.125, double distanceMax = 0.125, BehaviourMix? mix = null)
    {
        var small = TestMarkets.Small(retail: agents, cohortSize: agents);
        var scenario = small with
        {
            MarketMakers = [],
            Funds = [],
            Retail = small.Retail with
            {
                Activity = mix is null ? 0 : 1,
                Mix = mix ?? small.Retail.Mix,
                LossAversion = new LossAversionSpec(0.15),
                StopLoss = new StopLossSpec(1, distanceMin, distanceMax, 0, 0) { OnBook = true, LimitOffsetBps = 100 },
            },
        };
        var layout = new MarketLayout(scenario);
        Cohort = new RetailCohort(layout, layout.Participants[0]);
        _venue = new Venue(layout, 0);
    }

    public RetailCohort Cohort { get; }

    public long Tick { get; private set; }

    /// <summary>What the cohort sent in its last <see cref="Decide"/> or settle.</summary>
    public OrderBatch Sent { get; private set; } = OrderBatch.Empty;

    /// <summary>A good-till-cancelled order of the test's own, for the next <see cref="Clear"/>.</summary>
    public void Add(long owner, Side side, OrderType type, long price, long quantity, int seq = 0) =>
        _orders.Add(owner, seq, side, type, OrderOrigin.Discretionary, TimeInForce.GoodTillCancel, 0, price, quantity);

    /// <summary>The cohort decides on a book that last traded at <paramref name="close"/> all day.</summary>
    public void Decide(long close)
    {
        Cohort.Decide(new MarketSnapshot(Tick, [new BookQuote(0, close, 0, 0, [.. Enumerable.Repeat(close, 10)])], []), _router);
        Forward();
    }

    /// <summary>One clearing round: the cohort's and the test's orders, then the cohort settles its fills.</summary>
    public (RoundOutcome Outcome, FillBatch Fills) Clear(int round, bool final = false)
    {
        _venue.Submit(TestEndpoint, _orders.Build());
        var outcome = RoundOutcome.Merge(round, final, 1, [_venue.Clear(Tick, round)]);
        var fills = _venue.TakeFills(Cohort.Slot.Endpoint);
        _venue.TakeFills(TestEndpoint);
        Cohort.Settle(outcome, [fills], _router);
        Forward();
        return (outcome, fills);
    }

    public VenueTickReport CloseTick()
    {
        Cohort.CloseTick(Tick);
        return _venue.CloseTick(Tick++);
    }

    private void Forward()
    {
        var sent = _router.Drain().ToArray();
        Sent = sent.Length == 0 ? OrderBatch.Empty : sent.Single().Batch;
        _venue.Submit(Cohort.Slot.Endpoint, Sent);
    }
}
