using MarketSim.Engine.Contracts;

namespace MarketSim.Abstractions.Serialization;

/// <summary>Wire form of <see cref="BookBar"/>, one book's tick: its fields as they are.</summary>
[GenerateSerializer]
public struct BookBarSurrogate
{
    [Id(0)] public int Book;
    [Id(1)] public long Open;
    [Id(2)] public long High;
    [Id(3)] public long Low;
    [Id(4)] public long Close;
    [Id(5)] public long Volume;
    [Id(6)] public long Notional;
    [Id(7)] public long Trades;
    [Id(8)] public long BestBid;
    [Id(9)] public long BestAsk;
    [Id(10)] public long BidDepth;
    [Id(11)] public long AskDepth;
    [Id(12)] public long StopOrders;
    [Id(13)] public long StopVolume;
    [Id(14)] public long StopNotional;
    [Id(15)] public long MarginLiquidations;
    [Id(16)] public long MarginVolume;
    [Id(17)] public long MarginNotional;
    [Id(18)] public long InsurancePayout;
    [Id(19)] public long MidHalfTicks;
    [Id(20)] public long Orders;
    [Id(21)] public long Cancels;
    [Id(22)] public long StopTriggers;
    [Id(23)] public long TakerNet;
}

[RegisterConverter]
public sealed class BookBarConverter : IConverter<BookBar, BookBarSurrogate>
{
    public BookBar ConvertFromSurrogate(in BookBarSurrogate s) =>
        new(s.Book, s.Open, s.High, s.Low, s.Close, s.Volume, s.Notional, s.Trades, s.BestBid, s.BestAsk, s.BidDepth, s.AskDepth, s.StopOrders, s.StopVolume, s.StopNotional, s.MarginLiquidations, s.MarginVolume, s.MarginNotional, s.InsurancePayout, s.MidHalfTicks, s.Orders, s.Cancels, s.StopTriggers, s.TakerNet);

    public BookBarSurrogate ConvertToSurrogate(in BookBar value) => new()
    {
        Book = value.Book,
        Open = value.Open,
        High = value.High,
        Low = value.Low,
        Close = value.Close,
        Volume = value.Volume,
        Notional = value.Notional,
        Trades = value.Trades,
        BestBid = value.BestBid,
        BestAsk = value.BestAsk,
        BidDepth = value.BidDepth,
        AskDepth = value.AskDepth,
        StopOrders = value.StopOrders,
        StopVolume = value.StopVolume,
        StopNotional = value.StopNotional,
        MarginLiquidations = value.MarginLiquidations,
        MarginVolume = value.MarginVolume,
        MarginNotional = value.MarginNotional,
        InsurancePayout = value.InsurancePayout,
        MidHalfTicks = value.MidHalfTicks,
        Orders = value.Orders,
        Cancels = value.Cancels,
        StopTriggers = value.StopTriggers,
        TakerNet = value.TakerNet,
    };
}
