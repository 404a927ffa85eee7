using MarketSim.Engine.Traces;
using ScottPlot;

namespace MarketSim.Client.Research.Charts;

/// <summary>
/// How deep each tick's liquidation cascade went: the clearing rounds it took, over all books (a tick
/// clears every book in each round). Only ticks with more than one round, a cascade, get a bar.
/// </summary>
internal static class CascadeChart
{
    public static Plot Create(IReadOnlyList<MarketRow> market)
    {
        var rounds = market.GroupBy(row => row.Tick).OrderBy(tick => tick.Key).Select(tick => (Tick: tick.Key, Rounds: tick.Max(row => row.CascadeRounds))).ToArray();
        var cascades = rounds.Where(tick => tick.Rounds > 1).ToArray();
        var deepest = rounds.Select(tick => tick.Rounds).DefaultIfEmpty(1).Max();

        var plot = ChartStyle.Create(
            $"Liquidation cascades: clearing rounds per tick ({cascades.Length} ticks cascaded, deepest {deepest} rounds)", "tick", "clearing rounds in the tick");
        var bars = plot.Add.Bars(cascades.Select(tick => new Bar { Position = tick.Tick, Value = tick.Rounds, FillColor = ChartStyle.Cascade, LineWidth = 0, Size = 1 }).ToList());
        bars.LegendText = "ticks whose forced orders set off further rounds";
        var single = plot.Add.HorizontalLine(1, 1, Colors.Gray, LinePattern.Dashed);
        single.LegendText = "one round: no cascade";

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(Math.Max(1, Math.Ceiling(deepest / 10.0)));
        plot.Axes.SetLimitsY(0, deepest + 1);
        if (rounds.Length > 0)
        {
            plot.Axes.SetLimitsX(rounds[0].Tick - 1, rounds[^1].Tick + 1);
        }

        plot.ShowLegend(Edge.Bottom);
        return plot;
    }
}
