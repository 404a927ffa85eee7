using MarketSim.Engine.Traces;
using ScottPlot;

namespace MarketSim.Client.Research.Charts;

/// <summary>
/// One instrument across its venues: each venue's premium against the cross-venue mean close (left
/// axis, basis points) and the units held on each venue (right axis, dashed).
/// </summary>
internal static class VenueChart
{
    public static Plot Create(string instrument, IReadOnlyList<MarketRow> rows)
    {
        var plot = ChartStyle.Create($"{instrument}: venue premium and reserves", "tick", "premium to the cross-venue mean (bp)");
        var venues = rows.GroupBy(row => row.Venue).OrderBy(venue => venue.Key, StringComparer.Ordinal).ToArray();
        for (var v = 0; v < venues.Length; v++)
        {
            var color = ChartStyle.Palette.GetColor(v);
            var ticks = venues[v].Select(row => (double)row.Tick).ToArray();
            var premium = plot.Add.ScatterLine(ticks, venues[v].Select(row => row.Premium * 10_000).ToArray(), color);
            premium.LegendText = $"{venues[v].Key} premium (left axis)";
            var reserves = plot.Add.ScatterLine(ticks, venues[v].Select(row => row.Reserves).ToArray(), color);
            reserves.LinePattern = LinePattern.Dashed;
            reserves.LegendText = $"{venues[v].Key} reserves (right axis)";
            ChartStyle.OnRightAxis(plot, reserves, $"units held on the venue ({instrument})");
        }

        plot.ShowLegend(Edge.Bottom);
        return plot;
    }
}
