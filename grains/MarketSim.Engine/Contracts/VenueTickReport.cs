namespace MarketSim.Engine.Contracts;

/// <summary>
/// One book's tick, in integer units: prices in ticks, quantities in lots, cash in cash units.
/// Forced volume is counted per side that was forced (a stop-loss sell that hits a liquidation
/// buy counts in both).
/// </summary>
public sealed record BookBar(
    int Book,
    long Open,
    long High,
    long Low,
    long Close,
    long Volume,
    long Notional,
    long Trades,
    long BestBid,
    long BestAsk,
    long BidDepth,
    long AskDepth,
    long StopOrders,
    long StopVolume,
    long StopNotional,
    long MarginLiquidations,
    long MarginVolume,
    long MarginNotional,
    long InsurancePayout);

/// <summary>What one participant class bought and sold in one book this tick.</summary>
public sealed record ClassFlow(int Book, int Class, long BoughtUnits, long SoldUnits, long BoughtNotional, long SoldNotional);

/// <summary>
/// Forced orders at one price level of one book in one tick. <see cref="Level"/> is the lower edge (ticks) of
/// a trigger bin. <c>StopOrders</c>/<c>StopLots</c> and <c>MarginOrders</c>/<c>MarginLots</c> count forced
/// orders (and the lots they asked for) whose trigger level is in the bin: a retail stop's stop price, a
/// leveraged agent's or margin account's liquidation price, else (margin calls) the last price when the
/// order reached the book. <c>StopFilled</c>/<c>MarginFilled</c> are the lots forced orders filled at prices
/// in the bin.
/// </summary>
public sealed record TriggerLevel(int Book, long Level, long StopOrders, long StopLots, long MarginOrders, long MarginLots, long StopFilled, long MarginFilled);

/// <summary>A venue's close of a tick: bars, flows, margin accounts and what the venue itself holds.</summary>
public sealed record VenueTickReport(
    int Venue,
    IReadOnlyList<BookBar> Bars,
    IReadOnlyList<ClassFlow> Flows,
    IReadOnlyList<MarginView> MarginAccounts,
    long InsuranceFund,
    Ledger Holdings)
{
    /// <summary>The price levels at which forced orders were triggered or filled this tick.</summary>
    public IReadOnlyList<TriggerLevel> Triggers { get; init; } = [];

    /// <summary>The liquidation prices of the venue's margin accounts near each book's close.</summary>
    public IReadOnlyList<RestingLevel> RestingLevels { get; init; } = [];
}
