using MarketSim.Engine.Checkpoints;

namespace MarketSim.Engine.Venues;

// A checkpoint is taken between ticks, when a tally has just been reset, but it is written whole
// so that nothing depends on when that is.
internal sealed partial class BookTally
{
    public void Save(CheckpointWriter writer)
    {
        writer.Section(nameof(BookTally));
        foreach (var value in (long[])[Open, High, Low, Close, Volume, Notional, Trades, RoundLow, RoundHigh, RoundTrades,
            StopOrders, StopVolume, StopNotional, MarginLiquidations, MarginVolume, MarginNotional, InsurancePayout, LastMidHalfTicks,
            Orders, Cancels, StopTriggers, TakerNet])
        {
            writer.Write(value);
        }

        writer.Write(_bought);
        writer.Write(_sold);
        writer.Write(_boughtNotional);
        writer.Write(_soldNotional);
        writer.Write(_triggers.Count);
        foreach (var (level, counts) in _triggers)
        {
            foreach (var value in (long[])[level, counts.StopOrders, counts.StopLots, counts.MarginOrders, counts.MarginLots, counts.StopFilled, counts.MarginFilled])
            {
                writer.Write(value);
            }
        }
    }

    public void Restore(CheckpointReader reader)
    {
        reader.Section(nameof(BookTally));
        Open = reader.ReadLong();
        High = reader.ReadLong();
        Low = reader.ReadLong();
        Close = reader.ReadLong();
        Volume = reader.ReadLong();
        Notional = reader.ReadLong();
        Trades = reader.ReadLong();
        RoundLow = reader.ReadLong();
        RoundHigh = reader.ReadLong();
        RoundTrades = reader.ReadLong();
        StopOrders = reader.ReadLong();
        StopVolume = reader.ReadLong();
        StopNotional = reader.ReadLong();
        MarginLiquidations = reader.ReadLong();
        MarginVolume = reader.ReadLong();
        MarginNotional = reader.ReadLong();
        InsurancePayout = reader.ReadLong();
        LastMidHalfTicks = reader.ReadLong();
        Orders = reader.ReadLong();
        Cancels = reader.ReadLong();
        StopTriggers = reader.ReadLong();
        TakerNet = reader.ReadLong();
        reader.ReadInto(_bought, "bought");
        reader.ReadInto(_sold, "sold");
        reader.ReadInto(_boughtNotional, "bought notional");
        reader.ReadInto(_soldNotional, "sold notional");
        _triggers.Clear();
        for (var n = reader.ReadInt(); n > 0; n--)
        {
            var level = reader.ReadLong();
            _triggers[level] = new TriggerCounts
            {
                StopOrders = reader.ReadLong(),
                StopLots = reader.ReadLong(),
                MarginOrders = reader.ReadLong(),
                MarginLots = reader.ReadLong(),
                StopFilled = reader.ReadLong(),
                MarginFilled = reader.ReadLong(),
            };
        }
    }
}
