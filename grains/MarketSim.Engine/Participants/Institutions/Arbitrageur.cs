using MarketSim.Engine.Contracts;
using MarketSim.Engine.Markets;
using MarketSim.Engine.Orders;
using MarketSim.Engine.Scenarios;

namespace MarketSim.Engine.Participants.Institutions;

/// <summary>
/// A cross-venue arbitrageur: spot cash and units on each of two venues. Each tick, if one venue's
/// best bid is above the other's best ask by more than the threshold, it buys on the cheap venue and
/// sells on the rich one (good for the tick) as much as the trade size, its cash on the cheap side
/// and its units on the rich side allow, walking each book no further than half the threshold from
/// the midpoint of the two venues' mids: it closes the gap down to the threshold, not beyond. After trading it sends surplus
/// units and cash back toward its starting split; a transfer lands after the delay, and until then
/// it is on neither venue, so arbitrage capital runs out and a premium can persist.
/// </summary>
public sealed partial class Arbitrageur : IParticipant
{
    private readonly ArbitrageurSpec _spec;
    private readonly Instrument _instrument;
    private readonly MarketLayout _layout;
    private readonly int[] _books;
    private readonly long[] _cash = new long[2];
    private readonly long[] _units = new long[2];
    private readonly long _targetUnits;
    private readonly long _targetCash;
    private readonly List<Transfer> _inTransit = [];
    private readonly long _size;

    // Cost-basis metrics: the average cost of all its units (both venues and in transit), one position, and
    // the first venue's last price after the latest clearing round (the close once the tick is over).
    private PositionCost _unitsCost;
    private long _lastPrice;

    public Arbitrageur(MarketLayout layout, ParticipantSlot slot)
    {
        Slot = slot;
        _spec = layout.Scenario.Arbitrageurs[slot.SpecIndex];
        _instrument = layout.Instruments[slot.Instrument];
        _layout = layout;
        Venues = _spec.Venues.Select(layout.VenueIndex).ToArray();
        _books = Venues.Select(v => layout.Book(v, slot.Instrument).Index).ToArray();
        _targetCash = Money.FromCurrency(_spec.Cash);
        _targetUnits = _instrument.FloorLots(_spec.Inventory);
        _size = Math.Max(1, _instrument.FloorLots(_spec.TradeSize));
        for (var side = 0; side < 2; side++)
        {
            _cash[side] = _targetCash;
            _units[side] = _targetUnits;
        }

        _unitsCost = PositionCost.At(2 * _targetUnits, _instrument.InitialPrice, _instrument.CashPerTickLot);
    }

    public ParticipantSlot Slot { get; }
    public IReadOnlyList<int> Venues { get; }

    public long UnitsOn(int side) => _units[side];
    public long UnitsInTransit => _inTransit.Sum(t => t.Units);

    public void Decide(MarketSnapshot snapshot, OrderRouter router)
    {
        Receive(snapshot.Tick);
        var a = snapshot.Books[_books[0]];
        var b = snapshot.Books[_books[1]];
        var threshold = 1 + (_spec.ThresholdBps / 10_000);
        var fair = (a.Mid + b.Mid) / 2.0;
        var buyUpTo = Instrument.WholeTicks(fair * (1 - (_spec.ThresholdBps / 20_000)));
        var sellDownTo = (long)Math.Ceiling(fair * (1 + (_spec.ThresholdBps / 20_000)));
        if (a.BestAsk > 0 && b.BestBid > a.BestAsk * threshold)
        {
            Arbitrage(cheap: 0, Math.Max(a.BestAsk, buyUpTo), rich: 1, Math.Min(b.BestBid, sellDownTo), router);
        }
        else if (b.BestAsk > 0 && a.BestBid > b.BestAsk * threshold)
        {
            Arbitrage(cheap: 1, Math.Max(b.BestAsk, buyUpTo), rich: 0, Math.Min(a.BestBid, sellDownTo), router);
        }
    }

    public void Settle(RoundOutcome outcome, IReadOnlyList<FillBatch> fills, OrderRouter router)
    {
        _lastPrice = outcome.Books[_books[0]].Last;
        for (var side = 0; side < 2; side++)
        {
            var batch = fills[side];
            for (var f = 0; f < batch.Count; f++)
            {
                _cash[side] += batch.CashDelta[f];
                _units[side] += batch.SignedQuantity(f);
                _unitsCost.Fill(batch.SignedQuantity(f), batch.CashDelta[f]);
            }
        }
    }

    /// <summary>After the tick: send what one venue has beyond its starting share to the other.</summary>
    public void CloseTick(long tick)
    {
        for (var from = 0; from < 2; from++)
        {
            var to = 1 - from;
            var units = Math.Min(_units[from] - _targetUnits, _targetUnits - _units[to] - InTransitTo(to, t => t.Units));
            var cash = Math.Min(_cash[from] - _targetCash, _targetCash - _cash[to] - InTransitTo(to, t => t.Cash));
            if (units > 0 || cash > 0)
            {
                units = Math.Max(0, units);
                cash = Math.Max(0, cash);
                _units[from] -= units;
                _cash[from] -= cash;
                _inTransit.Add(new Transfer(tick + 1 + _spec.TransferDelay, to, units, cash));
            }
        }
    }

    /// <summary>One holder: its units on both venues and in transit, at their average cost, against the first venue's close.</summary>
    public void RecordCostBasis(CostBasisRecorder recorder) =>
        _unitsCost.RecordLong(recorder.For(Slot.Class, _instrument.Index), _lastPrice);

    public Ledger Holdings()
    {
        // Units in transit are on neither venue: they count in the units, not in any venue's reserves.
        var held = Ledger.Held(_cash[0] + _cash[1] + _inTransit.Sum(t => t.Cash), _layout, (Venues[0], _instrument.Index, _units[0]), (Venues[1], _instrument.Index, _units[1]));
        held.Units[_instrument.Index] += UnitsInTransit;
        return held;
    }

    private void Arbitrage(int cheap, long ask, int rich, long bid, OrderRouter router)
    {
        var affordable = _cash[cheap] / (ask * _instrument.CashPerTickLot * 101 / 100); // 1% kept for fees
        var lots = Math.Min(_size, Math.Min(affordable, _units[rich]));
        if (lots <= 0)
        {
            return;
        }

        router.To(Venues[cheap]).Add(Slot.Owner, 0, Side.Buy, OrderType.Limit, OrderOrigin.Discretionary, TimeInForce.GoodForTick, _instrument.Index, ask, lots);
        router.To(Venues[rich]).Add(Slot.Owner, 1, Side.Sell, OrderType.Limit, OrderOrigin.Discretionary, TimeInForce.GoodForTick, _instrument.Index, bid, lots);
    }

    private void Receive(long tick)
    {
        foreach (var transfer in _inTransit.Where(t => t.Arrives <= tick))
        {
            _units[transfer.To] += transfer.Units;
            _cash[transfer.To] += transfer.Cash;
        }

        _inTransit.RemoveAll(t => t.Arrives <= tick);
    }

    private long InTransitTo(int side, Func<Transfer, long> amount) => _inTransit.Where(t => t.To == side).Sum(amount);

    private sealed record Transfer(long Arrives, int To, long Units, long Cash);
}
