using MarketSim.Engine.Traces;
using Parquet;

namespace MarketSim.Engine.Tests.Traces;

/// <summary>A trace written tick by tick while its run goes on (what the client does) against the same trace written whole.</summary>
public sealed class StreamedTraceTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData(TraceFormat.Parquet)]
    [InlineData(TraceFormat.Csv)]
    public async Task A_trace_written_tick_by_tick_reads_back_and_hashes_as_the_whole_trace(TraceFormat format)
    {
        var trace = SampleTraces.Create(ticks: 40);

        await using (var writer = await TraceWriter.CreateAsync(_directory.Path, format, rowGroupRows: 16, CancellationToken.None))
        {
            foreach (var tick in TicksOf(trace))
            {
                await writer.AddAsync(tick, CancellationToken.None);
            }

            var written = await writer.CompleteAsync(SampleTraces.Manifest(), SampleTraces.Summary(), CancellationToken.None);
            Assert.Equal(TraceHasher.Hash(trace), written.Manifest.TraceHash);
            Assert.Equal(written.Manifest.TraceHash, written.Summary.TraceHash);
        }

        var read = await TraceReader.ReadAsync(_directory.Path);
        Assert.Equal(trace.Market, read.Market);
        Assert.Equal(trace.Liquidations, read.Liquidations);
        Assert.Equal(trace.CostBasis, read.CostBasis);
        Assert.Equal(trace.RestingLevels, read.RestingLevels);
        Assert.Equal(TraceHasher.Hash(trace), TraceReader.ReadManifest(_directory.Path).TraceHash);
        Assert.DoesNotContain(_directory.FileNames(), file => file.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Parquet_tables_are_written_in_row_groups_as_rows_arrive()
    {
        var trace = SampleTraces.Create(ticks: 40);

        await using (var writer = await TraceWriter.CreateAsync(_directory.Path, TraceFormat.Parquet, rowGroupRows: 16, CancellationToken.None))
        {
            foreach (var tick in TicksOf(trace))
            {
                await writer.AddAsync(tick, CancellationToken.None);
            }

            await writer.CompleteAsync(SampleTraces.Manifest(), SampleTraces.Summary(), CancellationToken.None);
        }

        // 4 market rows a tick (2 venues, 2 instruments): a row group every fourth tick, 10 groups of 16 rows.
        await using var market = await ParquetReader.CreateAsync(_directory.File("market.parquet"));
        Assert.Equal(trace.Market.Count / 16, market.RowGroupCount);
        Assert.All(market.RowGroups, group => Assert.Equal(16, group.RowCount));
    }

    [Fact]
    public async Task A_tick_whose_rows_sort_before_rows_already_written_is_refused()
    {
        var ticks = TicksOf(SampleTraces.Create(ticks: 3));
        await using var writer = await TraceWriter.CreateAsync(_directory.Path, TraceFormat.Parquet, CancellationToken.None);
        await writer.AddAsync(ticks[1], CancellationToken.None);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => writer.AddAsync(ticks[0], CancellationToken.None));

        Assert.Contains("out of key order", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trace_abandoned_before_it_completes_leaves_no_file()
    {
        await using (var writer = await TraceWriter.CreateAsync(_directory.Path, TraceFormat.Parquet, rowGroupRows: 16, CancellationToken.None))
        {
            foreach (var tick in TicksOf(SampleTraces.Create(ticks: 10)))
            {
                await writer.AddAsync(tick, CancellationToken.None);
            }
        }

        Assert.Empty(_directory.FileNames());
    }

    /// <summary>The trace's rows tick by tick, as a run delivers them.</summary>
    private static List<TickRecord> TicksOf(Trace trace)
    {
        var ticks = trace.Market.Select(row => row.Tick).Distinct().Order();
        var noConservation = new ConservationCheck(0, 0, [], []);
        return
        [
            .. ticks.Select(tick => new TickRecord(
                tick,
                [.. trace.Market.Where(row => row.Tick == tick)],
                [.. trace.Liquidations.Where(row => row.Tick == tick)],
                [.. trace.Flows.Where(row => row.Tick == tick)],
                noConservation)
            {
                CostBasis = [.. trace.CostBasis.Where(row => row.Tick == tick)],
                Resonance = [.. trace.Resonance.Where(row => row.Tick == tick)],
                Triggers = [.. trace.Triggers.Where(row => row.Tick == tick)],
                RestingLevels = [.. trace.RestingLevels.Where(row => row.Tick == tick)],
            }),
        ];
    }
}
