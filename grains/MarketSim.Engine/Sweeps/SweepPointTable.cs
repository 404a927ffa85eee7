using MarketSim.Engine.Traces;

namespace MarketSim.Engine.Sweeps;

/// <summary>
/// The columns of <c>sweep_points.parquet</c>: one row per grid point × book × headline fact, the median over
/// the point's replicas and its 95% bootstrap interval (<see cref="SweepPointFact"/>). Documented in
/// <c>docs/analysis.md</c>.
/// </summary>
internal static class SweepPointTable
{
    public const string Name = "sweep_points";

    public static TraceTable<SweepPointFact> Create(SweepGrid grid)
    {
        var table = new TraceTable<SweepPointFact>(
            Name,
            Comparer<SweepPointFact>.Create((a, b) => (a.Point, a.Venue, a.Instrument, a.FactIndex).CompareTo((b.Point, b.Venue, b.Instrument, b.FactIndex))));

        SweepTable.AddAxes(table, grid, row => row.Point);
        table.Add("point", row => row.Point);
        table.Add("venue", row => row.Venue);
        table.Add("instrument", row => row.Instrument);
        table.Add("fact", row => row.Fact.Name);
        table.Add("runs", row => row.Interval.Count);
        table.Add("median", row => row.Interval.Median);
        table.Add("ci_low", row => row.Interval.Low);
        table.Add("ci_high", row => row.Interval.High);
        return table;
    }
}
