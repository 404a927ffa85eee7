using MarketSim.Engine.Traces;
using ScottPlot;

namespace MarketSim.Client.Research.Charts;

/// <summary>The chart files written into a run folder, and a note for each chart left out and why.</summary>
public sealed record ChartSet(IReadOnlyList<string> Files, IReadOnlyList<string> Notes);

/// <summary>
/// Draws a run's charts into its folder as PNG files: per book, price with forced selling, volume
/// with depth, and realized and implied volatility; per instrument, cumulative net flows by participant class and each venue's
/// premium and reserves; the cascade depth per tick; per instrument, price against retail and institutional cost
/// basis; per book with forced orders, their trigger levels. Reads Parquet and CSV traces alike.
/// </summary>
public static class RunCharts
{
    public static async Task<ChartSet> WriteAsync(string runDirectory, CancellationToken ct)
    {
        var trace = await TraceReader.ReadAsync(runDirectory, ct);
        var files = new List<string>();
        var notes = new List<string>();

        async Task Save(Plot plot, string fileName)
        {
            using (plot)
            {
                await ChartStyle.SaveAsync(plot, Path.Combine(runDirectory, fileName), ct);
            }

            files.Add(fileName);
        }

        if (trace.Market.Count == 0)
        {
            notes.Add("skipped every chart: the trace has no ticks");
            return new ChartSet(files, notes);
        }

        foreach (var book in BookSeries.From(trace))
        {
            await Save(PriceChart.Create(book), ChartFiles.Price(book));
            await Save(LiquidityChart.Create(book), ChartFiles.Liquidity(book));
            await Save(VolatilityChart.Create(book), ChartFiles.Volatility(book));
        }

        foreach (var instrument in trace.Flows.GroupBy(row => row.Instrument))
        {
            await Save(FlowChart.Create(instrument.Key, [.. instrument]), ChartFiles.Flows(instrument.Key));
        }

        foreach (var instrument in trace.Market.GroupBy(row => row.Instrument))
        {
            await Save(VenueChart.Create(instrument.Key, [.. instrument]), ChartFiles.Venues(instrument.Key));
        }

        await Save(CascadeChart.Create(trace.Market), ChartFiles.Cascades);

        foreach (var instrument in trace.Resonance.GroupBy(row => row.Instrument))
        {
            await Save(CostBasisChart.Create(instrument.Key, [.. instrument]), ChartFiles.CostBasis(instrument.Key));
        }

        if (trace.Resonance.Count == 0)
        {
            notes.Add("skipped cost basis by participant class: the trace has no resonance rows (it was written before marketsim recorded cost bases)");
        }

        foreach (var book in trace.Triggers.GroupBy(row => (row.Instrument, row.Venue)))
        {
            await Save(TriggerChart.Create($"{book.Key.Instrument}@{book.Key.Venue}", [.. book]), ChartFiles.Triggers(book.Key.Instrument, book.Key.Venue));
        }

        if (trace.Triggers.Count == 0)
        {
            notes.Add("skipped trigger levels: no stop-loss or margin order was forced in this run (or the trace predates the triggers table)");
        }

        return new ChartSet(files, notes);
    }
}
