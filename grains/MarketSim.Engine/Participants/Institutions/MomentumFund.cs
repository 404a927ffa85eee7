using MarketSim.Engine.Markets;
using MarketSim.Engine.Orders;
using MarketSim.Engine.Scenarios;
using MarketSim.Engine.Simulation;

namespace MarketSim.Engine.Participants.Institutions;

/// <summary>
/// A leveraged time-series momentum fund trading through a margin account. Its target position is
/// <c>targetLeverage × equity × clamp(return over lookback / signalScale, −1, 1)</c>; it trades
/// toward the target when the gap exceeds <c>rebalanceThreshold</c> of its full leveraged size.
/// Its cash and position live on the venue, so the venue can call its margin: when the price
/// moves against it far enough, the liquidation engine closes the position into the book.
/// </summary>
public sealed class MomentumFund : IParticipant
{
    private readonly FundSpec _spec;
    private readonly Instrument _instrument;
    private readonly int _instrumentCount;
    private readonly int _venue;
    private readonly int _book;

    public MomentumFund(MarketLayout layout, ParticipantSlot slot)
    {
        Slot = slot;
        _spec = layout.Scenario.Funds[slot.SpecIndex];
        _instrument = layout.Instruments[layout.InstrumentIndex(_spec.Instrument)];
        _instrumentCount = layout.Instruments.Count;
        _venue = layout.VenueIndex(_spec.Venue);
        _book = layout.Book(_venue, _instrument.Index).Index;
        Venues = [_venue];
    }

    public ParticipantSlot Slot { get; }
    public IReadOnlyList<int> Venues { get; }

    /// <summary>The position (in lots) the fund wants given its account and the price history.</summary>
    public long TargetPosition(BookQuote quote, MarginView account)
    {
        var price = quote.Last;
        var equity = account.Cash + (account.Units * price * _instrument.CashPerTickLot);
        if (equity <= 0)
        {
            return 0;
        }

        var signal = Math.Clamp(quote.Return(_spec.Lookback) / _spec.SignalScale, -1, 1);
        return (long)(_spec.TargetLeverage * equity * signal / (price * (double)_instrument.CashPerTickLot));
    }

    public void Decide(MarketSnapshot snapshot, OrderRouter router)
    {
        var account = snapshot.MarginAccount(Slot.Owner);
        if (account is null)
        {
            return;
        }

        var quote = snapshot.Books[_book];
        var target = TargetPosition(quote, account);
        var gap = target - account.Units;
        var fullSize = _spec.TargetLeverage * Math.Max(0, account.Cash + (account.Units * quote.Last * _instrument.CashPerTickLot)) / (quote.Last * (double)_instrument.CashPerTickLot);
        if (gap == 0 || Math.Abs(gap) < _spec.RebalanceThreshold * fullSize)
        {
            return;
        }

        var buy = gap > 0;
        var slippage = _spec.MaxSlippageBps / 10_000;
        var limit = _instrument.FloorTicks(quote.Last * (buy ? 1 + slippage : 1 - slippage));
        router.To(_venue).Add(Slot.Owner, 0, buy ? Side.Buy : Side.Sell, OrderType.Limit, OrderOrigin.Discretionary, TimeInForce.GoodForTick, _instrument.Index, limit, Math.Abs(gap));
    }

    /// <summary>The venue applies the fund's fills to its margin account; nothing to do here.</summary>
    public void Settle(RoundOutcome outcome, IReadOnlyList<FillBatch> fills, OrderRouter router)
    {
    }

    public void CloseTick(long tick)
    {
    }

    /// <summary>All the fund's cash and units sit in its margin account on the venue.</summary>
    public Ledger Holdings() => Ledger.Zero(_instrumentCount);
}
