using MarketSim.Engine.Metrics;
using MarketSim.Engine.Sweeps;
using MarketSim.Engine.Tests.Traces;
using MarketSim.Engine.Traces;

namespace MarketSim.Engine.Tests.Sweeps;

/// <summary>Per grid point: the median of each headline fact over replicas, with its bootstrap interval, in the sweep folder.</summary>
public sealed class SweepPointFactTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Each_point_gets_the_median_and_interval_of_its_replicas_facts()
    {
        var grid = new SweepGrid([SweepAxis.Parse("funds[0].targetLeverage=1,20", out _)!]);
        var plan = new SweepPlan("q", "name: q", [], 7, grid, 3, TraceFormat.Parquet);

        // Excess kurtosis 1, 2, 3 at point 0 and 10, 20, 30 at point 1 (replica r, point p: (r + 1) × 10^p).
        SweepRow[] rows = [.. plan.Runs.Select(run => Row(run, (run.Replica + 1) * Math.Pow(10, run.Point)))];

        var facts = SweepPointFact.Of(rows);

        Assert.Equal(2 * HeadlineFacts.All.Count, facts.Count);
        var kurtosis = facts.Where(fact => fact.Fact.Name == "excess_kurtosis").ToArray();
        // Three replicas: the interval runs from the smallest to the largest (MedianIntervalTests).
        Assert.Equal([new MedianInterval(2, 1, 3, 3), new MedianInterval(20, 10, 30, 3)], kurtosis.Select(fact => fact.Interval));
        Assert.True(kurtosis[1].Interval.IsAbove(kurtosis[0].Interval));
        Assert.Equal(0, facts.Single(fact => fact is { Point: 0, Fact.Name: "hill_alpha" }).Interval.Count);

        await SweepTableWriter.WriteAsync(_directory.Path, grid, rows, TraceFormat.Parquet, CancellationToken.None);

        var source = $"'{_directory.File(SweepTableWriter.PointsFileName(TraceFormat.Parquet))}'";
        Assert.Equal(facts.Count, Convert.ToInt32(DuckDbQuery.Value($"SELECT count(*) FROM {source}")));
        Assert.Equal(
            "20 30 3",
            DuckDbQuery.Value($"SELECT concat_ws(' ', median::INT, ci_high::INT, runs) FROM {source} WHERE \"funds[0].targetLeverage\" = 20 AND fact = 'excess_kurtosis'"));
    }

    private static SweepRow Row(SweepRun run, double kurtosis)
    {
        var facts = new ReturnFacts(600, 0, 0.01, kurtosis, double.NaN, 30, [], []);
        return new SweepRow(run, SampleTraces.Summary(), [new BookFacts("spot", "BTC", facts)]);
    }
}
