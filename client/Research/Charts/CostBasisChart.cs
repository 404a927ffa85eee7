using MarketSim.Engine.Traces;
using ScottPlot;

namespace MarketSim.Client.Research.Charts;

/// <summary>
/// Cost resonance in one instrument: the price against the retail and the institutional cost basis (mean,
/// with the 25–75% band of the position-weighted distribution), the share of each group's units under water
/// on a second axis, and the ticks the resonance indicator was on shaded.
/// </summary>
internal static class CostBasisChart
{
    public static Plot Create(string instrument, IReadOnlyList<ResonanceRow> rows)
    {
        rows = [.. rows.OrderBy(row => row.Tick)];
        var plot = ChartStyle.Create($"{instrument}: price against retail and institutional cost basis", "tick", "price (quote currency)");

        var shaded = false;
        foreach (var (first, last) in Runs(rows, row => row.Resonance != 0))
        {
            var span = plot.Add.HorizontalSpan(first - 0.5, last + 0.5);
            span.FillStyle.Color = ChartStyle.Resonance;
            span.LineStyle.Width = 0;
            span.LegendText = shaded ? "" : "cost resonance";
            shaded = true;
        }

        Group(plot, rows, "retail", ChartStyle.Retail, row => row.RetailMean, row => row.RetailQ25, row => row.RetailQ75);
        Group(plot, rows, "institutional", ChartStyle.Institutional, row => row.InstitutionalMean, row => row.InstitutionalQ25, row => row.InstitutionalQ75);

        var ticks = rows.Select(row => (double)row.Tick).ToArray();
        var price = plot.Add.ScatterLine(ticks, rows.Select(row => row.Price).ToArray(), ChartStyle.Price);
        price.LineWidth = 1.5f;
        price.LegendText = "price";

        foreach (var (name, color, share) in new (string, Color, Func<ResonanceRow, double>)[]
        {
            ("retail", ChartStyle.Retail, row => row.RetailUnderwater),
            ("institutional", ChartStyle.Institutional, row => row.InstitutionalUnderwater),
        })
        {
            var line = plot.Add.ScatterLine(ticks, rows.Select(row => share(row) * 100).ToArray(), color);
            line.LineWidth = 1;
            line.LinePattern = LinePattern.Dotted;
            line.LegendText = $"{name} units under water (right axis)";
            ChartStyle.OnRightAxis(plot, line, "units under water (%)");
        }

        plot.Axes.AutoScale();
        plot.Axes.SetLimitsY(0, 300, plot.Axes.Right); // the shares keep to the lower third
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    /// <summary>A group's mean as a line and its 25–75% band, drawn only over the ticks where it holds something.</summary>
    private static void Group(Plot plot, IReadOnlyList<ResonanceRow> rows, string name, Color color, Func<ResonanceRow, double> mean, Func<ResonanceRow, double> q25, Func<ResonanceRow, double> q75)
    {
        var labelled = false;
        foreach (var (first, last) in Runs(rows, row => double.IsFinite(mean(row))))
        {
            var part = rows.Where(row => row.Tick >= first && row.Tick <= last).ToArray();
            var ticks = part.Select(row => (double)row.Tick).ToArray();
            var band = plot.Add.FillY(ticks, part.Select(q25).ToArray(), part.Select(q75).ToArray());
            band.FillColor = color.WithAlpha(0.2);
            band.LineWidth = 0;
            var line = plot.Add.ScatterLine(ticks, part.Select(mean).ToArray(), color);
            line.LineWidth = 2;
            if (!labelled)
            {
                band.LegendText = $"{name} cost, 25–75%";
                line.LegendText = $"{name} mean cost";
                labelled = true;
            }
        }
    }

    /// <summary>The first and last tick of each run of consecutive rows where <paramref name="on"/> holds.</summary>
    private static List<(long First, long Last)> Runs(IReadOnlyList<ResonanceRow> rows, Func<ResonanceRow, bool> on)
    {
        var runs = new List<(long, long)>();
        long? start = null;
        for (var i = 0; i < rows.Count; i++)
        {
            if (on(rows[i]))
            {
                start ??= rows[i].Tick;
            }

            if (start is { } first && (!on(rows[i]) || i == rows.Count - 1))
            {
                runs.Add((first, on(rows[i]) ? rows[i].Tick : rows[i - 1].Tick));
                start = null;
            }
        }

        return runs;
    }
}
