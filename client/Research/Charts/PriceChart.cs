using ScottPlot;

namespace MarketSim.Client.Research.Charts;

/// <summary>
/// A book's close with its high–low range, and the forced selling behind the moves: stop-loss and
/// margin-liquidation notional per tick as stacked bars on a second axis, kept to the lower third so
/// they do not hide the price.
/// </summary>
internal static class PriceChart
{
    public static Plot Create(BookSeries book)
    {
        var plot = ChartStyle.Create($"{book.Label}: price and forced selling", "tick", "price (quote currency)");

        var scale = QuoteScale.For(book.StopNotional.Zip(book.MarginNotional, (stop, margin) => stop + margin));
        var stop = scale.Apply(book.StopNotional);
        var margin = scale.Apply(book.MarginNotional);
        var stopBars = plot.Add.Bars(ForcedBars(book.Ticks, stop, margin, ChartStyle.StopLoss, ChartStyle.MarginLiquidation));
        ChartStyle.OnRightAxis(plot, stopBars, $"forced notional per tick ({scale.Unit("quote currency")})");

        var range = plot.Add.FillY(book.Ticks, book.Low, book.High);
        range.FillColor = ChartStyle.PriceRange;
        range.LineWidth = 0;
        range.LegendText = "high–low range";

        var close = plot.Add.ScatterLine(book.Ticks, book.Close, ChartStyle.Price);
        close.LineWidth = 1.5f;
        close.LegendText = "close";

        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "stop-loss notional (right axis)", FillColor = ChartStyle.StopLoss });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "margin-liquidation notional (right axis)", FillColor = ChartStyle.MarginLiquidation });
        // Fit every axis to its data first: setting one axis's limits stops the others from autoscaling later.
        plot.Axes.AutoScale();
        var largest = stop.Zip(margin, (s, m) => s + m).DefaultIfEmpty(0).Max();
        plot.Axes.SetLimitsY(0, largest > 0 ? largest * 3 : 1, plot.Axes.Right);
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    /// <summary>One bar per tick with forced selling: stop-loss from 0, margin liquidation stacked on top.</summary>
    private static List<Bar> ForcedBars(double[] ticks, double[] stop, double[] margin, Color stopColor, Color marginColor)
    {
        var bars = new List<Bar>();
        for (var i = 0; i < ticks.Length; i++)
        {
            if (stop[i] > 0)
            {
                bars.Add(new Bar { Position = ticks[i], Value = stop[i], FillColor = stopColor, LineWidth = 0, Size = 1 });
            }

            if (margin[i] > 0)
            {
                bars.Add(new Bar { Position = ticks[i], ValueBase = stop[i], Value = stop[i] + margin[i], FillColor = marginColor, LineWidth = 0, Size = 1 });
            }
        }

        return bars;
    }
}
