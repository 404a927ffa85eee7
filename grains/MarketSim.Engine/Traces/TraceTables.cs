namespace MarketSim.Engine.Traces;

/// <summary>
/// The trace tables, column by column. This is the on-disk schema (documented in
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
            row.Double("vol_of_vol"),
            row.Double("mid"),
            row.Int64("orders"),
            row.Int64("cancels"),
            row.Int64("stop_triggers"),
            row.Double("taker_net")))
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
        { "mid", row => row.Mid },
        { "orders", row => row.Orders },
        { "cancels", row => row.Cancels },
        { "stop_triggers", row => row.StopTriggers },
        { "taker_net", row => row.TakerNet },
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

    public static TraceTable<CostBasisRow> CostBasis { get; } = new(
        "cost_basis",
        KeyOrder<CostBasisRow>(row => row.Tick, row => row.ParticipantClass, row => row.Instrument),
        row => new CostBasisRow(
            row.Int64("tick"),
            row.String("participant_class"),
            row.String("instrument"),
            row.Int64("holders"),
            row.Double("units"),
            row.Double("mean_cost"),
            row.Double("q10"),
            row.Double("q25"),
            row.Double("q50"),
            row.Double("q75"),
            row.Double("q90"),
            row.Double("underwater_holders"),
            row.Double("underwater_units")))
    {
        { "tick", row => row.Tick },
        { "participant_class", row => row.ParticipantClass },
        { "instrument", row => row.Instrument },
        { "holders", row => row.Holders },
        { "units", row => row.Units },
        { "mean_cost", row => row.MeanCost },
        { "q10", row => row.Q10 },
        { "q25", row => row.Q25 },
        { "q50", row => row.Q50 },
        { "q75", row => row.Q75 },
        { "q90", row => row.Q90 },
        { "underwater_holders", row => row.UnderwaterHolders },
        { "underwater_units", row => row.UnderwaterUnits },
    };

    public static TraceTable<ResonanceRow> Resonance { get; } = new(
        "resonance",
        KeyOrder<ResonanceRow>(row => row.Tick, row => row.Instrument, _ => ""),
        row => new ResonanceRow(
            row.Int64("tick"),
            row.String("instrument"),
            row.Double("price"),
            row.Double("retail_units"),
            row.Double("institutional_units"),
            row.Double("retail_mean"),
            row.Double("retail_q25"),
            row.Double("retail_q50"),
            row.Double("retail_q75"),
            row.Double("institutional_mean"),
            row.Double("institutional_q25"),
            row.Double("institutional_q50"),
            row.Double("institutional_q75"),
            row.Double("retail_underwater"),
            row.Double("institutional_underwater"),
            row.Double("overlap"),
            row.Double("underwater_overlap"),
            row.Int32("resonance")))
    {
        { "tick", row => row.Tick },
        { "instrument", row => row.Instrument },
        { "price", row => row.Price },
        { "retail_units", row => row.RetailUnits },
        { "institutional_units", row => row.InstitutionalUnits },
        { "retail_mean", row => row.RetailMean },
        { "retail_q25", row => row.RetailQ25 },
        { "retail_q50", row => row.RetailQ50 },
        { "retail_q75", row => row.RetailQ75 },
        { "institutional_mean", row => row.InstitutionalMean },
        { "institutional_q25", row => row.InstitutionalQ25 },
        { "institutional_q50", row => row.InstitutionalQ50 },
        { "institutional_q75", row => row.InstitutionalQ75 },
        { "retail_underwater", row => row.RetailUnderwater },
        { "institutional_underwater", row => row.InstitutionalUnderwater },
        { "overlap", row => row.Overlap },
        { "underwater_overlap", row => row.UnderwaterOverlap },
        { "resonance", row => row.Resonance },
    };

    public static TraceTable<TriggerRow> Triggers { get; } = new(
        "triggers",
        KeyOrder<TriggerRow>(row => row.Tick, row => row.Venue, row => row.Instrument, row => row.Level),
        row => new TriggerRow(
            row.Int64("tick"),
            row.String("venue"),
            row.String("instrument"),
            row.Double("level"),
            row.Int64("stop_orders"),
            row.Double("stop_ordered_volume"),
            row.Int64("margin_orders"),
            row.Double("margin_ordered_volume"),
            row.Double("stop_filled_volume"),
            row.Double("margin_filled_volume")))
    {
        { "tick", row => row.Tick },
        { "venue", row => row.Venue },
        { "instrument", row => row.Instrument },
        { "level", row => row.Level },
        { "stop_orders", row => row.StopOrders },
        { "stop_ordered_volume", row => row.StopOrderedVolume },
        { "margin_orders", row => row.MarginOrders },
        { "margin_ordered_volume", row => row.MarginOrderedVolume },
        { "stop_filled_volume", row => row.StopFilledVolume },
        { "margin_filled_volume", row => row.MarginFilledVolume },
    };

    public static TraceTable<RestingLevelRow> RestingLevels { get; } = new(
        "resting_levels",
        KeyOrder<RestingLevelRow>(row => row.Tick, row => row.Venue, row => row.Instrument, row => row.Level),
        row => new RestingLevelRow(
            row.Int64("tick"),
            row.String("venue"),
            row.String("instrument"),
            row.Double("level"),
            row.Int64("stops"),
            row.Double("stop_volume"),
            row.Int64("liquidations"),
            row.Double("liquidation_volume")))
    {
        { "tick", row => row.Tick },
        { "venue", row => row.Venue },
        { "instrument", row => row.Instrument },
        { "level", row => row.Level },
        { "stops", row => row.Stops },
        { "stop_volume", row => row.StopVolume },
        { "liquidations", row => row.Liquidations },
        { "liquidation_volume", row => row.LiquidationVolume },
    };

    /// <summary>A table's key is a tick and up to two names (a table with one passes "" for the second); names compare ordinally so the order is culture-free.</summary>
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

    /// <summary>A tick, two names and then a price (the <c>triggers</c> table's level).</summary>
    private static Comparer<TRow> KeyOrder<TRow>(Func<TRow, long> tick, Func<TRow, string> first, Func<TRow, string> second, Func<TRow, double> level)
    {
        var names = KeyOrder(tick, first, second);
        return Comparer<TRow>.Create((a, b) =>
        {
            var order = names.Compare(a, b);
            return order != 0 ? order : level(a).CompareTo(level(b));
        });
    }
}
