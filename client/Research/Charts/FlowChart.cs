using MarketSim.Engine.Traces;
using ScottPlot;

namespace MarketSim.Client.Research.Charts;

/// <summary>
/// Who bought and who sold one instrument: each participant class's net notional, summed over the
/// run so far. Per-tick flows are too noisy to read; the running sum shows who accumulated and when.
/// </summary>
internal static class FlowChart
{
    public static Plot Create(string instrument, IReadOnlyList<FlowRow> flows)
    {
        var classes = flows.GroupBy(row => row.ParticipantClass).ToArray();
        var cumulative = classes.ToDictionary(
            group => group.Key,
            group => RunningSum(group.OrderBy(row => row.Tick).Select(row => row.NetNotional)));
        var scale = QuoteScale.For(cumulative.Values.SelectMany(values => values));

        var plot = ChartStyle.Create($"{instrument}: cumulative net buying by participant class", "tick", $"net bought since tick 0 ({scale.Unit("quote currency")})");
        plot.Add.HorizontalLine(0, 1, Colors.Gray, LinePattern.Dashed);
        for (var i = 0; i < classes.Length; i++)
        {
            var ticks = classes[i].OrderBy(row => row.Tick).Select(row => (double)row.Tick).ToArray();
            var line = plot.Add.ScatterLine(ticks, scale.Apply(cumulative[classes[i].Key]), ChartStyle.Palette.GetColor(i));
            line.LineWidth = 2;
            line.LegendText = classes[i].Key;
        }

        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    private static double[] RunningSum(IEnumerable<double> values)
    {
        var sum = 0.0;
        return [.. values.Select(value => sum += value)];
    }
}
