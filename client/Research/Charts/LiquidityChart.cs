using ScottPlot;

namespace MarketSim.Client.Research.Charts;

/// <summary>A book's traded volume per tick, with the resting depth near mid that absorbs it on a second axis.</summary>
internal static class LiquidityChart
{
    public static Plot Create(BookSeries book)
    {
        var plot = ChartStyle.Create($"{book.Label}: traded volume and book depth", "tick", $"volume per tick ({book.Instrument})");

        var volume = plot.Add.Bars(book.Ticks.Select((tick, i) => new Bar { Position = tick, Value = book.Volume[i], FillColor = ChartStyle.Volume, LineWidth = 0, Size = 1 }).ToList());
        volume.LegendText = "volume (left axis)";
        plot.Axes.Margins(bottom: 0);

        var bid = plot.Add.ScatterLine(book.Ticks, book.BidDepth, ChartStyle.BidDepth);
        bid.LegendText = "bid depth within 2% of mid (right axis)";
        var ask = plot.Add.ScatterLine(book.Ticks, book.AskDepth, ChartStyle.AskDepth);
        ask.LegendText = "ask depth within 2% of mid (right axis)";
        ChartStyle.OnRightAxis(plot, bid, $"resting depth ({book.Instrument})");
        ask.Axes.YAxis = plot.Axes.Right;

        plot.ShowLegend(Edge.Bottom);
        return plot;
    }
}
