using MarketSim.Client.Research.Charts;

namespace MarketSim.Client.Tests.Research;

public sealed class RunChartsTests(SampleRun run) : IClassFixture<SampleRun>
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task Plot_writes_one_png_per_chart_into_the_run_folder()
    {
        var charts = await RunCharts.WriteAsync(run.ParquetFolder, CancellationToken.None);

        Assert.Equal(["price-BTC-spot.png", "liquidity-BTC-spot.png", "volatility-BTC-spot.png", "flows-BTC.png", "venues-BTC.png", "cascades.png", "cost-basis-BTC.png"], charts.Files);
        foreach (var file in charts.Files)
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(run.ParquetFolder, file));
            Assert.True(bytes.Length > 10_000, $"{file} is only {bytes.Length} bytes");
            Assert.Equal(PngSignature, bytes[..8]);
        }

        Assert.Empty(Directory.GetFiles(run.ParquetFolder, "*.tmp"));
    }

    [Fact]
    public async Task Charts_of_data_the_trace_lacks_are_skipped_with_a_note()
    {
        // The sample's 120 calm ticks force no order, so it has no trigger levels to chart.
        Assert.Empty(run.Trace.Triggers);

        var charts = await RunCharts.WriteAsync(run.ParquetFolder, CancellationToken.None);

        Assert.Contains(charts.Notes, note => note.StartsWith("skipped trigger levels", StringComparison.Ordinal));
        Assert.DoesNotContain(charts.Files, file => file.StartsWith("triggers", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_trace_from_before_the_cost_basis_tables_is_still_charted_without_them()
    {
        var folder = Path.Combine(Path.GetTempPath(), "marketsim-client-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            foreach (var file in new[] { "market.csv", "liquidations.csv", "flows.csv", "manifest.json", "summary.json" })
            {
                File.Copy(Path.Combine(run.CsvFolder, file), Path.Combine(folder, file));
            }

            var charts = await RunCharts.WriteAsync(folder, CancellationToken.None);

            Assert.Contains("cascades.png", charts.Files);
            Assert.DoesNotContain(charts.Files, file => file.StartsWith("cost-basis", StringComparison.Ordinal));
            Assert.Contains(charts.Notes, note => note.StartsWith("skipped cost basis", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_csv_trace_gives_the_same_charts()
    {
        var parquet = await RunCharts.WriteAsync(run.ParquetFolder, CancellationToken.None);
        var csv = await RunCharts.WriteAsync(run.CsvFolder, CancellationToken.None);

        Assert.Equal(parquet.Files, csv.Files);
        Assert.All(csv.Files, file => Assert.True(new FileInfo(Path.Combine(run.CsvFolder, file)).Length > 10_000));
    }
}
