using MarketSim.Engine.Contracts;
using MarketSim.Engine.Markets;
using MarketSim.Engine.Orders;
using MarketSim.Engine.Scenarios;

namespace MarketSim.Engine.Participants.Institutions;

/// <summary>
/// An institutional allocator buying on valuation compression: once the price is more than the
/// drawdown trigger below its running peak, it buys a tranche of its starting cash each tick, with
/// its own cash (no leverage), until the cash runs out.
/// </summary>
public sealed partial class Allocator : IParticipant
{
    private readonly AllocatorSpec _spec;
    private readonly Instrument _instrument;
    private readonly MarketLayout _layout;
    private readonly int _book;
    private readonly long _tranche;
    private readonly (int Venue, Instrument Shares)? _etf;
    private readonly int _etfBook;
    private long _peak;

    // Its cash and units; beside them the ETF shares it bought, with their average cost and the share book's
    // last price after the latest clearing round, for the cost-basis metrics.
    private readonly SpotAccount _account;
    private PositionCost _etfSharesCost;
    private long _lastEtfPrice;

    public Allocator(MarketLayout layout, ParticipantSlot slot)
    {
        Slot = slot;
        _spec = layout.Scenario.Allocators[slot.SpecIndex];
        _instrument = layout.Instruments[slot.Instrument];
        _layout = layout;
        _book = layout.Book(slot.Venue, slot.Instrument).Index;
        if (_spec.Etf is { } etf && _spec.EtfShare > 0)
        {
            var spec = layout.Scenario.Etfs.First(e => e.Id == etf);
            _etf = (layout.VenueIndex(spec.ShareVenue), layout.Instruments[layout.InstrumentIndex(spec.Shares)]);
            _etfBook = layout.Book(_etf.Value.Venue, _etf.Value.Shares.Index).Index;
        }

        Venues = _etf is { } e2 && e2.Venue != slot.Venue ? [slot.Venue, e2.Venue] : [slot.Venue];
        _account = new SpotAccount(Money.FromCurrency(_spec.Cash), 0, _instrument);
        _tranche = (long)(Cash * _spec.TrancheShare);
        _peak = _instrument.InitialPrice;
    }

    public ParticipantSlot Slot { get; }
    public IReadOnlyList<int> Venues { get; }
    public long Cash => _account.Cash;

    /// <summary>Cash that came in (or went out) from outside the market.</summary>
    public long External => _account.External;
    public long Units => _account.Units;

    /// <summary>ETF shares bought as the ETF part of its tranches.</summary>
    public long EtfShares { get; private set; }

    public void Decide(MarketSnapshot snapshot, OrderRouter router)
    {
        _account.ReceiveFlow(snapshot, Slot.Owner);
        var price = snapshot.Books[_book].Last;
        _peak = Math.Max(_peak, price);
        if (price > _peak * (1 - _spec.DrawdownTrigger))
        {
            return;
        }

        var budget = Math.Min(_tranche, Cash);
        var viaEtf = _etf is null ? 0 : (long)(budget * _spec.EtfShare);
        Buy(router, Slot.Venue, _instrument, price, budget - viaEtf, clientSeq: 0);
        if (_etf is { } etf)
        {
            Buy(router, etf.Venue, etf.Shares, snapshot.Books[_etfBook].Last, viaEtf, clientSeq: 1);
        }
    }

    private void Buy(OrderRouter router, int venue, Instrument instrument, long price, long budget, int clientSeq)
    {
        var limit = Instrument.WholeTicks(price * (1 + (_spec.MaxSlippageBps / 10_000)));
        // Budget the limit price plus a 1% allowance for fees, so the allocator never overdraws.
        var lots = budget / (limit * instrument.CashPerTickLot * 101 / 100);
        if (lots > 0)
        {
            router.To(venue).Add(Slot.Owner, clientSeq, Side.Buy, OrderType.Limit, OrderOrigin.Discretionary, TimeInForce.GoodForTick, instrument.Index, limit, lots);
        }
    }

    public void Settle(RoundOutcome outcome, IReadOnlyList<FillBatch> fills, OrderRouter router)
    {
        _account.MarkLast(outcome.Books[_book].Last);
        _lastEtfPrice = _etf is null ? 0 : outcome.Books[_etfBook].Last;
        foreach (var batch in fills)
        {
            for (var f = 0; f < batch.Count; f++)
            {
                var signed = batch.SignedQuantity(f);
                if (batch.Instrument[f] == _instrument.Index)
                {
                    _account.Fill(signed, batch.CashDelta[f]);
                }
                else
                {
                    _account.Pay(batch.CashDelta[f]);
                    EtfShares += signed;
                    _etfSharesCost.Fill(signed, batch.CashDelta[f]);
                }
            }
        }
    }

    public void CloseTick(long tick)
    {
    }

    /// <summary>
    /// One holder: units and ETF shares together when the shares stand for its instrument (the shares as the
    /// underlying lots they stand for), else one holding each.
    /// </summary>
    public void RecordCostBasis(CostBasisRecorder recorder)
    {
        var units = recorder.For(Slot.Class, _instrument.Index);
        if (_etf is not { } etf || _etfSharesCost.Units <= 0)
        {
            _account.RecordCostBasis(units);
            return;
        }

        var shares = recorder.For(Slot.Class, etf.Shares.Index);
        if (recorder.Grid.TargetOf(etf.Shares.Index) != _instrument.Index)
        {
            _account.RecordCostBasis(units);
            _etfSharesCost.RecordLong(shares, _lastEtfPrice);
            return;
        }

        // Under water when the two together are worth less than they cost, each at its own close.
        var unitsCost = _account.Cost;
        var worth = ((Int128)unitsCost.Units * _account.LastPrice * _instrument.CashPerTickLot) + ((Int128)_etfSharesCost.Units * _lastEtfPrice * etf.Shares.CashPerTickLot);
        var cost = unitsCost.Cost + _etfSharesCost.Cost;
        units.Add(unitsCost.Units + shares.TargetLots(_etfSharesCost.Units), cost, cost > worth);
    }

    public Ledger Holdings()
    {
        return _etf is { } etf
            ? Ledger.Held(Cash, _layout, (Slot.Venue, _instrument.Index, Units), (etf.Venue, etf.Shares.Index, EtfShares)) with { External = External }
            : Ledger.Held(Cash, _layout, (Slot.Venue, _instrument.Index, Units)) with { External = External };
    }
}
