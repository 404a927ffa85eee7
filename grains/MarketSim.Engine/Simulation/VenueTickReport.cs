namespace MarketSim.Engine.Simulation;

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

/// <summary>A venue's close of a tick: bars, flows, margin accounts and what the venue itself holds.</summary>
public sealed record VenueTickReport(
    int Venue,
    IReadOnlyList<BookBar> Bars,
    IReadOnlyList<ClassFlow> Flows,
    IReadOnlyList<MarginView> MarginAccounts,
    long InsuranceFund,
    Ledger Holdings);
