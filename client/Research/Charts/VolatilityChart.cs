using ScottPlot;

namespace MarketSim.Client.Research.Charts;

/// <summary>A book's realized volatility and its implied-volatility proxy (left axis) and that proxy's own volatility (right axis).</summary>
internal static class VolatilityChart
{
    public static Plot Create(BookSeries book)
    {
        var plot = ChartStyle.Create($"{book.Label}: realized and implied volatility", "tick", "annualized volatility (%)");
        var realized = plot.Add.ScatterLine(book.Ticks, book.RealizedVolatility, ChartStyle.Palette.GetColor(0));
        realized.LegendText = "realized, last 20 ticks (left axis)";
        var implied = plot.Add.ScatterLine(book.Ticks, book.ImpliedVolatility, ChartStyle.Palette.GetColor(1));
        implied.LegendText = "implied proxy, EWMA forecast: VIX-like (left axis)";
        var volOfVol = plot.Add.ScatterLine(book.Ticks, book.VolOfVol, ChartStyle.Palette.GetColor(2));
        volOfVol.LinePattern = LinePattern.Dashed;
        volOfVol.LegendText = "volatility of the proxy: VVIX-like (right axis)";
        ChartStyle.OnRightAxis(plot, volOfVol, "annualized volatility of the proxy (%)");
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }
}
