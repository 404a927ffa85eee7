using MarketSim.Engine.Metrics;
using MarketSim.Engine.Sweeps;
using MarketSim.Engine.Tests.Traces;
using MarketSim.Engine.Traces;

namespace MarketSim.Engine.Tests.Sweeps;

/// <summary>The sweep table is for notebooks: DuckDB must read its rows, names and types as documented.</summary>
public sealed class SweepTableTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData(TraceFormat.Parquet)]
    [InlineData(TraceFormat.Csv)]
    public async Task One_row_per_run_in_point_and_replica_order_with_the_swept_values_as_columns(TraceFormat format)
    {
        var grid = new SweepGrid([SweepAxis.Parse("funds[0].targetLeverage=1,4", out _)!, SweepAxis.Parse("retail.venue=spot", out _)!]);
        var plan = new SweepPlan("q", "name: q", [], 7, grid, 2, format);
        var facts = StylizedFacts.Of([0.01, -0.02, 0.03, -0.01, 0.0, 0.02]);
        SweepRow[] rows = [.. plan.Runs.Reverse().Select(run => new SweepRow(run, SampleTraces.Summary(), [new BookFacts("alpha", "BTC-USD", facts)]))];

        await SweepTableWriter.WriteAsync(_directory.Path, grid, rows, format, CancellationToken.None);

        var source = $"'{_directory.File(SweepTableWriter.FileName(format))}'";
        Assert.Equal(4, Convert.ToInt32(DuckDbQuery.Value($"SELECT count(*) FROM {source}")));
        Assert.Equal("runs/p0-r0", DuckDbQuery.Value($"SELECT run FROM {source} LIMIT 1"));
        Assert.Equal(10.0, Convert.ToDouble(DuckDbQuery.Value($"SELECT sum(\"funds[0].targetLeverage\")::DOUBLE FROM {source}")));
        Assert.Equal("spot", DuckDbQuery.Value($"SELECT \"retail.venue\" FROM {source} LIMIT 1"));
        Assert.Equal(plan.Runs[3].Seed, Convert.ToInt64(DuckDbQuery.Value($"SELECT seed FROM {source} WHERE point = 1 AND replica = 1")));
        Assert.Equal(facts.ExcessKurtosis, Convert.ToDouble(DuckDbQuery.Value($"SELECT excess_kurtosis FROM {source} LIMIT 1")), precision: 12);
        Assert.Equal(facts.AbsoluteReturnAutocorrelation[0].Value, Convert.ToDouble(DuckDbQuery.Value($"SELECT abs_return_acf_1 FROM {source} LIMIT 1")), precision: 12);
        Assert.Equal(0.0625, Convert.ToDouble(DuckDbQuery.Value($"SELECT max_drawdown FROM {source} LIMIT 1")));
        Assert.DoesNotContain(_directory.FileNames(), file => file.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Several_books_get_prefixed_columns()
    {
        var grid = new SweepGrid([SweepAxis.Parse("seed=1", out _)!]);
        var run = new SweepPlan("q", "", [], 7, grid, 1, TraceFormat.Parquet).Runs[0];
        var facts = StylizedFacts.Of([0.01, -0.02, 0.03]);

        await SweepTableWriter.WriteAsync(
            _directory.Path, grid, [new SweepRow(run, SampleTraces.Summary(), [new BookFacts("alpha", "BTC-USD", facts), new BookFacts("beta", "BTC-USD", facts)])], TraceFormat.Parquet, CancellationToken.None);

        var source = $"'{_directory.File("sweep.parquet")}'";
        Assert.Equal(0.0625, Convert.ToDouble(DuckDbQuery.Value($"SELECT \"BTC-USD@alpha.max_drawdown\" FROM {source}")));
        Assert.True(double.IsNaN(Convert.ToDouble(DuckDbQuery.Value($"SELECT \"BTC-USD@beta.max_drawdown\" FROM {source}"))));
    }
}
