namespace MarketSim.Engine.Traces;

/// <summary>
/// The three trace tables, column by column. This is the on-disk schema (documented in
/// <c>docs/trace-schema.md</c>): column names are the snake_case property names, in property order.
/// </summary>
internal static class TraceTables
{
    public static TraceTable<MarketRow> Market { get; } = new(
        "market",
        KeyOrder<MarketRow>(row => row.Tick, row => row.Venue, row => row.Instrument),
        row => new MarketRow(
            row.Int64("tick"),
            row.String("venue"),
            row.String("instrument"),
            row.Double("open"),
            row.Double("high"),
            row.Double("low"),
            row.Double("close"),
            row.Double("volume"),
            row.Double("notional"),
            row.Int64("trades"),
            row.Double("best_bid"),
            row.Double("best_ask"),
            row.Double("bid_depth"),
            row.Double("ask_depth"),
            row.Int32("cascade_rounds"),
            row.Double("reserves"),
            row.Double("premium"),
            row.Double("realized_volatility"),
            row.Double("implied_volatility"),
            row.Double("vol_of_vol")))
    {
        { "tick", row => row.Tick },
        { "venue", row => row.Venue },
        { "instrument", row => row.Instrument },
        { "open", row => row.Open },
        { "high", row => row.High },
        { "low", row => row.Low },
        { "close", row => row.Close },
        { "volume", row => row.Volume },
        { "notional", row => row.Notional },
        { "trades", row => row.Trades },
        { "best_bid", row => row.BestBid },
        { "best_ask", row => row.BestAsk },
        { "bid_depth", row => row.BidDepth },
        { "ask_depth", row => row.AskDepth },
        { "cascade_rounds", row => row.CascadeRounds },
        { "reserves", row => row.Reserves },
        { "premium", row => row.Premium },
        { "realized_volatility", row => row.RealizedVolatility },
        { "implied_volatility", row => row.ImpliedVolatility },
        { "vol_of_vol", row => row.VolOfVol },
    };

    public static TraceTable<LiquidationRow> Liquidations { get; } = new(
        "liquidations",
        KeyOrder<LiquidationRow>(row => row.Tick, row => row.Venue, row => row.Instrument),
        row => new LiquidationRow(
            row.Int64("tick"),
            row.String("venue"),
            row.String("instrument"),
            row.Int32("cascade_rounds"),
            row.Int64("stop_orders"),
            row.Double("stop_volume"),
            row.Double("stop_notional"),
            row.Int64("margin_liquidations"),
            row.Double("margin_volume"),
            row.Double("margin_notional"),
            row.Double("insurance_fund"),
            row.Double("insurance_payout")))
    {
        { "tick", row => row.Tick },
        { "venue", row => row.Venue },
        { "instrument", row => row.Instrument },
        { "cascade_rounds", row => row.CascadeRounds },
        { "stop_orders", row => row.StopOrders },
        { "stop_volume", row => row.StopVolume },
        { "stop_notional", row => row.StopNotional },
        { "margin_liquidations", row => row.MarginLiquidations },
        { "margin_volume", row => row.MarginVolume },
        { "margin_notional", row => row.MarginNotional },
        { "insurance_fund", row => row.InsuranceFund },
        { "insurance_payout", row => row.InsurancePayout },
    };

    public static TraceTable<FlowRow> Flows { get; } = new(
        "flows",
        KeyOrder<FlowRow>(row => row.Tick, row => row.ParticipantClass, row => row.Instrument),
        row => new FlowRow(
            row.Int64("tick"),
            row.String("participant_class"),
            row.String("instrument"),
            row.Double("bought_units"),
            row.Double("sold_units"),
            row.Double("net_units"),
            row.Double("bought_notional"),
            row.Double("sold_notional"),
            row.Double("net_notional")))
    {
        { "tick", row => row.Tick },
        { "participant_class", row => row.ParticipantClass },
        { "instrument", row => row.Instrument },
        { "bought_units", row => row.BoughtUnits },
        { "sold_units", row => row.SoldUnits },
        { "net_units", row => row.NetUnits },
        { "bought_notional", row => row.BoughtNotional },
        { "sold_notional", row => row.SoldNotional },
        { "net_notional", row => row.NetNotional },
    };

    /// <summary>Every table's key is a tick and two names; names compare ordinally so the order is culture-free.</summary>
    private static Comparer<TRow> KeyOrder<TRow>(Func<TRow, long> tick, Func<TRow, string> first, Func<TRow, string> second) =>
        Comparer<TRow>.Create((a, b) =>
        {
            var order = tick(a).CompareTo(tick(b));
            if (order == 0)
            {
                order = string.CompareOrdinal(first(a), first(b));
            }

            return order != 0 ? order : string.CompareOrdinal(second(a), second(b));
        });
}
