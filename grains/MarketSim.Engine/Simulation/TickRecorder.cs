using MarketSim.Engine.Contracts;
using MarketSim.Engine.Markets;
using MarketSim.Engine.Metrics.CostBasis;
using MarketSim.Engine.Traces;

namespace MarketSim.Engine.Simulation;

/// <summary>Turns the integer reports of a tick into trace rows in market units.</summary>
public static class TickRecorder
{
    public static TickRecord Record(MarketLayout layout, long tick, int rounds, IReadOnlyList<VenueTickReport> venues, Ledger holdings, ParticipantCloseReport participants, IReadOnlyList<Metrics.VolatilityIndex> volatility, ConservationCheck conservation, CostBasisReport costBasis)
    {
        var market = new List<MarketRow>();
        var closes = venues.SelectMany(v => v.Bars).ToLookup(b => layout.Books[b.Book].Instrument, b => (double)b.Close);
        var liquidations = new List<LiquidationRow>();
        foreach (var venue in venues.OrderBy(v => v.Venue))
        {
            var venueId = layout.Scenario.Venues[venue.Venue].Id;
            foreach (var bar in venue.Bars.OrderBy(b => b.Book))
            {
                var instrument = layout.Instruments[layout.Books[bar.Book].Instrument];
                market.Add(new MarketRow(
                    tick, venueId, instrument.Id,
                    instrument.Price(bar.Open), instrument.Price(bar.High), instrument.Price(bar.Low), instrument.Price(bar.Close),
                    instrument.Quantity(bar.Volume), Money.ToCurrency(bar.Notional), bar.Trades,
                    instrument.Price(bar.BestBid), instrument.Price(bar.BestAsk),
                    instrument.Quantity(bar.BidDepth), instrument.Quantity(bar.AskDepth), rounds,
                    instrument.Quantity(holdings.ReservesOn(venue.Venue, instrument.Index)),
                    (bar.Close / closes[instrument.Index].Average()) - 1,
                    volatility[bar.Book].Realized, volatility[bar.Book].Implied, volatility[bar.Book].VolOfVol));
                liquidations.Add(new LiquidationRow(
                    tick, venueId, instrument.Id, rounds,
                    bar.StopOrders, instrument.Quantity(bar.StopVolume), Money.ToCurrency(bar.StopNotional),
                    bar.MarginLiquidations, instrument.Quantity(bar.MarginVolume), Money.ToCurrency(bar.MarginNotional),
                    Money.ToCurrency(venue.InsuranceFund), Money.ToCurrency(bar.InsurancePayout)));
            }
        }

        var flows = new List<FlowRow>();
        for (var c = 0; c < ParticipantClasses.Count; c++)
        {
            foreach (var instrument in layout.Instruments)
            {
                long bought = 0, sold = 0, boughtNotional = 0, soldNotional = 0;
                foreach (var flow in venues.SelectMany(v => v.Flows).Where(f => f.Class == c && layout.Books[f.Book].Instrument == instrument.Index))
                {
                    bought += flow.BoughtUnits;
                    sold += flow.SoldUnits;
                    boughtNotional += flow.BoughtNotional;
                    soldNotional += flow.SoldNotional;
                }

                flows.Add(new FlowRow(
                    tick, ((ParticipantClass)c).TraceName(), instrument.Id,
                    instrument.Quantity(bought), instrument.Quantity(sold), instrument.Quantity(bought - sold),
                    Money.ToCurrency(boughtNotional), Money.ToCurrency(soldNotional), Money.ToCurrency(boughtNotional - soldNotional)));
            }
        }

        var triggers = new List<TriggerRow>();
        foreach (var venue in venues.OrderBy(v => v.Venue))
        {
            var venueId = layout.Scenario.Venues[venue.Venue].Id;
            foreach (var level in venue.Triggers.OrderBy(t => t.Book).ThenBy(t => t.Level))
            {
                var instrument = layout.Instruments[layout.Books[level.Book].Instrument];
                triggers.Add(new TriggerRow(
                    tick, venueId, instrument.Id, instrument.Price(level.Level),
                    level.StopOrders, instrument.Quantity(level.StopLots), level.MarginOrders, instrument.Quantity(level.MarginLots),
                    instrument.Quantity(level.StopFilled), instrument.Quantity(level.MarginFilled)));
            }
        }

        var resting = new List<RestingLevelRow>();
        var armed = venues.Select(v => v.RestingLevels).Aggregate(participants.RestingLevels, RestingLevel.Add);
        foreach (var level in armed)
        {
            var book = layout.Books[level.Book];
            var instrument = layout.Instruments[book.Instrument];
            resting.Add(new RestingLevelRow(
                tick, layout.Scenario.Venues[book.Venue].Id, instrument.Id,
                instrument.Price(level.Bin * PriceGrid.BinTicks(instrument.InitialPrice, layout.Scenario.Metrics.TriggerBinWidth)),
                level.Stops, instrument.Quantity(level.StopLots), level.Liquidations, instrument.Quantity(level.LiquidationLots)));
        }

        var meanCloses = layout.Instruments.Select(i => closes[i.Index].DefaultIfEmpty(double.NaN).Average()).ToArray();
        var (costRows, resonanceRows) = costBasis.Rows(tick, participants.CostBasis, meanCloses);
        return new TickRecord(tick, market, liquidations, flows, conservation) { CostBasis = costRows, Resonance = resonanceRows, Triggers = triggers, RestingLevels = resting };
    }
}
