using MarketSim.Engine.Markets;

namespace MarketSim.Engine.Venues;

/// <summary>Running statistics of one book over the current tick and round.</summary>
internal sealed partial class BookTally : Checkpoints.ICheckpointable
{
    private readonly long[] _bought = new long[ParticipantClasses.Count];
    private readonly long[] _sold = new long[ParticipantClasses.Count];
    private readonly long[] _boughtNotional = new long[ParticipantClasses.Count];
    private readonly long[] _soldNotional = new long[ParticipantClasses.Count];

    public long Open, High, Low, Close, Volume, Notional, Trades;
    public long RoundLow, RoundHigh, RoundTrades;
    public long StopOrders, StopVolume, StopNotional;
    public long MarginLiquidations, MarginVolume, MarginNotional;
    public long InsurancePayout;

    public void StartTick(long lastPrice)
    {
        Open = High = Low = Close = lastPrice;
        Volume = Notional = Trades = 0;
        StopOrders = StopVolume = StopNotional = 0;
        MarginLiquidations = MarginVolume = MarginNotional = 0;
        InsurancePayout = 0;
        Array.Clear(_bought);
        Array.Clear(_sold);
        Array.Clear(_boughtNotional);
        Array.Clear(_soldNotional);
    }

    public void StartRound() => RoundLow = RoundHigh = RoundTrades = 0;

    public void Trade(long price, long quantity, long notional, ParticipantClass buyer, ParticipantClass seller)
    {
        if (Trades == 0)
        {
            Open = High = Low = price;
        }

        High = Math.Max(High, price);
        Low = Math.Min(Low, price);
        Close = price;
        Volume += quantity;
        Notional += notional;
        Trades++;
        RoundLow = RoundTrades == 0 ? price : Math.Min(RoundLow, price);
        RoundHigh = Math.Max(RoundHigh, price);
        RoundTrades++;
        _bought[(int)buyer] += quantity;
        _boughtNotional[(int)buyer] += notional;
        _sold[(int)seller] += quantity;
        _soldNotional[(int)seller] += notional;
    }

    public IEnumerable<Simulation.ClassFlow> Flows(int book)
    {
        for (var c = 0; c < ParticipantClasses.Count; c++)
        {
            yield return new Simulation.ClassFlow(book, c, _bought[c], _sold[c], _boughtNotional[c], _soldNotional[c]);
        }
    }
}
