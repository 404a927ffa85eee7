using MarketSim.Engine.Traces;
using ScottPlot;

namespace MarketSim.Client.Research.Charts;

/// <summary>
/// Where forced orders clustered in one book over the run: the units stop-losses and margin liquidations
/// asked for, by the price level that triggered them (stacked bars), against the units they filled, by the
/// price they filled at (outlined bars). The gap between the two is how far the cascade carried them.
/// </summary>
internal static class TriggerChart
{
    public static Plot Create(string label, IReadOnlyList<TriggerRow> rows)
    {
        var levels = rows.GroupBy(row => row.Level).OrderBy(group => group.Key).Select(group => (
            Level: group.Key,
            Stop: group.Sum(row => row.StopOrderedVolume),
            Margin: group.Sum(row => row.MarginOrderedVolume),
            Filled: group.Sum(row => row.StopFilledVolume + row.MarginFilledVolume))).ToArray();
        var width = levels.Zip(levels.Skip(1), (a, b) => b.Level - a.Level).DefaultIfEmpty(1).Min();

        var plot = ChartStyle.Create($"{label}: trigger levels of forced orders over the run", "price level (quote currency)", "units");
        var bars = new List<Bar>();
        foreach (var (level, stop, margin, filled) in levels)
        {
            var centre = level + (width / 2);
            if (stop > 0)
            {
                bars.Add(new Bar { Position = centre, Value = stop, FillColor = ChartStyle.StopLoss, LineWidth = 0, Size = width });
            }

            if (margin > 0)
            {
                bars.Add(new Bar { Position = centre, ValueBase = stop, Value = stop + margin, FillColor = ChartStyle.MarginLiquidation, LineWidth = 0, Size = width });
            }

            if (filled > 0)
            {
                bars.Add(new Bar { Position = centre, Value = filled, FillColor = Colors.Transparent, LineColor = Colors.Black, LineWidth = 1.5f, Size = width });
            }
        }

        plot.Add.Bars(bars);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = value => value.ToString("#,0.##") };
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "stop-loss units ordered, at their trigger level", FillColor = ChartStyle.StopLoss });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "margin-liquidation units ordered, at their trigger level", FillColor = ChartStyle.MarginLiquidation });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "forced units filled, at their fill price", FillColor = Colors.Transparent, OutlineColor = Colors.Black, OutlineWidth = 1.5f });
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }
}
