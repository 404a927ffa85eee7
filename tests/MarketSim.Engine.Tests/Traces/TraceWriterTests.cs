using System.Text.Json;
using MarketSim.Engine.Traces;

namespace MarketSim.Engine.Tests.Traces;

public sealed class TraceWriterTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData(TraceFormat.Parquet, "parquet")]
    [InlineData(TraceFormat.Csv, "csv")]
    public async Task WriteAsync_WritesTablesThenSummaryThenManifest(TraceFormat format, string extension)
    {
        var written = await WriteAsync(SampleTraces.Create(), format);

        string[] expected =
        [
            $"market.{extension}", $"liquidations.{extension}", $"flows.{extension}",
            $"cost_basis.{extension}", $"resonance.{extension}", $"triggers.{extension}", $"resting_levels.{extension}", "summary.json", "manifest.json",
        ];
        Assert.Equal(expected, written);
        Assert.Equal(expected.Order(), _directory.FileNames().Order());
        var manifestWrittenAt = File.GetLastWriteTimeUtc(_directory.File("manifest.json"));
        Assert.All(expected, file => Assert.True(File.GetLastWriteTimeUtc(_directory.File(file)) <= manifestWrittenAt));
    }

    [Fact]
    public async Task WriteAsync_StampsTheTraceHashAndDataFilesIntoManifestAndSummary()
    {
        var trace = SampleTraces.Create();

        await WriteAsync(trace);

        var manifest = TraceReader.ReadManifest(_directory.Path);
        Assert.Equal(TraceHasher.Hash(trace), manifest.TraceHash);
        Assert.Equal(["market.parquet", "liquidations.parquet", "flows.parquet", "cost_basis.parquet", "resonance.parquet", "triggers.parquet", "resting_levels.parquet"], manifest.Files);
        using var summary = JsonDocument.Parse(File.ReadAllText(_directory.File("summary.json")));
        Assert.Equal(manifest.TraceHash, summary.RootElement.GetProperty("traceHash").GetString());
        Assert.Equal("BTC-USD", summary.RootElement.GetProperty("books")[0].GetProperty("instrument").GetString());
    }

    [Fact]
    public async Task ReadManifest_ReturnsTheManifestWritten()
    {
        var expected = SampleTraces.Manifest();

        await WriteAsync(SampleTraces.Create());

        var manifest = TraceReader.ReadManifest(_directory.Path);
        Assert.Equal(expected with { TraceHash = manifest.TraceHash, Files = manifest.Files }, manifest);
        Assert.Contains("\"startedAt\": \"2025-01-02T03:04:05+00:00\"", File.ReadAllText(_directory.File("manifest.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_WithACancelledToken_WritesNothing()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => WriteAsync(SampleTraces.Create(), ct: new CancellationToken(canceled: true)));

        Assert.Empty(_directory.FileNames());
    }

    [Fact]
    public async Task WriteAsync_WhenAFileCannotBeMovedIntoPlace_LeavesNoManifestAndNoTempFiles()
    {
        // A folder where summary.json belongs: every table is written, then renaming the summary fails.
        Directory.CreateDirectory(_directory.File("summary.json"));

        await Assert.ThrowsAnyAsync<IOException>(() => WriteAsync(SampleTraces.Create()));

        Assert.DoesNotContain("manifest.json", _directory.FileNames());
        Assert.DoesNotContain(_directory.FileNames(), file => file.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WriteAsync_OverAnEarlierRun_RemovesItsManifestBeforeReplacingFiles()
    {
        await WriteAsync(SampleTraces.Create());
        File.Delete(_directory.File("summary.json"));
        Directory.CreateDirectory(_directory.File("summary.json"));

        await Assert.ThrowsAnyAsync<IOException>(() => WriteAsync(SampleTraces.Create(ticks: 5)));

        Assert.False(File.Exists(_directory.File("manifest.json")));
    }

    [Theory]
    [InlineData(TraceFormat.Parquet)]
    [InlineData(TraceFormat.Csv)]
    public async Task ReadAsync_ReturnsTheRowsWritten(TraceFormat format)
    {
        var trace = SampleTraces.Create();
        trace.Market[0] = trace.Market[0] with { Venue = "α, \"quoted\"\r\nacross lines", Open = double.NaN, High = double.PositiveInfinity, Low = -0.0 };
        trace.Market[1] = trace.Market[1] with { Close = 0.1 + 0.2, Notional = double.NegativeInfinity };
        trace.Flows[0] = trace.Flows[0] with { ParticipantClass = "" };

        await WriteAsync(trace, format);
        var read = await TraceReader.ReadAsync(_directory.Path);

        Assert.Equal(trace.Market, read.Market);
        Assert.Equal(trace.Liquidations, read.Liquidations);
        Assert.Equal(trace.Flows, read.Flows);
        Assert.Equal(trace.CostBasis, read.CostBasis);
        Assert.Equal(trace.Resonance, read.Resonance);
        Assert.Equal(trace.Triggers, read.Triggers);
        Assert.Equal(trace.RestingLevels, read.RestingLevels);
        Assert.Equal(TraceHasher.Hash(trace), TraceHasher.Hash(read));
    }

    [Theory]
    [InlineData(TraceFormat.Parquet)]
    [InlineData(TraceFormat.Csv)]
    public async Task ReadAsync_OfAnEmptyTrace_ReturnsNoRows(TraceFormat format)
    {
        await WriteAsync(new Trace(), format);

        var read = await TraceReader.ReadAsync(_directory.Path);

        Assert.Empty(read.Market);
        Assert.Empty(read.Liquidations);
        Assert.Empty(read.Flows);
        Assert.Empty(read.CostBasis);
        Assert.Empty(read.Resonance);
        Assert.Empty(read.Triggers);
        Assert.Empty(read.RestingLevels);
    }

    [Theory]
    [InlineData(TraceFormat.Parquet, "parquet")]
    [InlineData(TraceFormat.Csv, "csv")]
    public async Task ReadAsync_OfATraceWrittenBeforeTheCostBasisAndTriggerTables_ReadsThemAsEmptyAndKeepsItsHash(TraceFormat format, string extension)
    {
        var trace = SampleTraces.Create();
        await WriteAsync(trace, format);
        foreach (var table in new[] { "cost_basis", "resonance", "triggers", "resting_levels" })
        {
            File.Delete(_directory.File($"{table}.{extension}"));
        }

        var read = await TraceReader.ReadAsync(_directory.Path);

        Assert.Equal(trace.Market, read.Market);
        Assert.Empty(read.CostBasis);
        Assert.Empty(read.Triggers);
        trace.CostBasis.Clear();
        trace.Resonance.Clear();
        trace.Triggers.Clear();
        trace.RestingLevels.Clear();
        Assert.Equal(TraceHasher.Hash(trace), TraceHasher.Hash(read));
    }

    [Fact]
    public async Task ReadAsync_OfAFolderWithoutATrace_SaysSo()
    {
        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => TraceReader.ReadAsync(_directory.Path));

        Assert.Contains("no trace here", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_OfAMalformedCsv_NamesTheFileAndLine()
    {
        await WriteAsync(SampleTraces.Create(), TraceFormat.Csv);
        var lines = File.ReadAllLines(_directory.File("flows.csv"));
        var fields = lines[2].Split(',');
        fields[3] = "five";
        lines[2] = string.Join(',', fields);
        File.WriteAllLines(_directory.File("flows.csv"), lines);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => TraceReader.ReadAsync(_directory.Path));

        Assert.Contains("flows.csv, line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_OfACsvRowOfTheWrongWidth_NamesTheFileAndLine()
    {
        await WriteAsync(SampleTraces.Create(), TraceFormat.Csv);
        var lines = File.ReadAllLines(_directory.File("flows.csv"));
        lines[2] = string.Join(',', lines[2].Split(',').SkipLast(1));
        File.WriteAllLines(_directory.File("flows.csv"), lines);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => TraceReader.ReadAsync(_directory.Path));

        var header = lines[0].Split(',').Length;
        Assert.Contains($"flows.csv, line 3: {header - 1} fields, the header has {header}.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_OfACsvSavedWithWindowsLineEnds_ReturnsTheRowsWritten()
    {
        var trace = SampleTraces.Create();
        await WriteAsync(trace, TraceFormat.Csv);
        foreach (var file in Directory.GetFiles(_directory.Path, "*.csv"))
        {
            File.WriteAllText(file, File.ReadAllText(file).Replace("\n", "\r\n", StringComparison.Ordinal));
        }

        var read = await TraceReader.ReadAsync(_directory.Path);

        Assert.Equal(trace.Market, read.Market);
        Assert.Equal(trace.Flows, read.Flows);
        Assert.Equal(TraceHasher.Hash(trace), TraceHasher.Hash(read));
    }

    [Theory]
    [InlineData(TraceFormat.Parquet)]
    [InlineData(TraceFormat.Csv)]
    public async Task ReadColumnNamesAsync_ListsATablesColumnsOrNullWhenTheTableIsMissing(TraceFormat format)
    {
        await WriteAsync(SampleTraces.Create(), format);

        var columns = await TraceReader.ReadColumnNamesAsync(_directory.Path, "liquidations");

        Assert.Equal("tick", columns![0]);
        Assert.Contains("margin_notional", columns);
        Assert.Equal(["tick", "venue", "instrument", "level"], (await TraceReader.ReadColumnNamesAsync(_directory.Path, "triggers"))!.Take(4));
        Assert.Null(await TraceReader.ReadColumnNamesAsync(_directory.Path, "positions"));
    }

    [Fact]
    public async Task WriteAsync_Csv_WritesAHeaderAndOneQuotedWhenNeededLinePerRow()
    {
        var trace = SampleTraces.Create();
        trace.Market[0] = trace.Market[0] with { Venue = "a,\"b\"", Open = 0.1 + 0.2 };

        await WriteAsync(trace, TraceFormat.Csv);

        var lines = File.ReadAllText(_directory.File("market.csv")).Split('\n');
        Assert.Equal(
            "tick,venue,instrument,open,high,low,close,volume,notional,trades,best_bid,best_ask,bid_depth,ask_depth,cascade_rounds,reserves,premium,realized_volatility,implied_volatility,vol_of_vol,mid,orders,cancels,stop_triggers,taker_net",
            lines[0]);
        Assert.Equal(trace.Market.Count + 2, lines.Length);
        Assert.Equal("", lines[^1]);
        Assert.StartsWith("0,\"a,\"\"b\"\"\",BTC-USD,0.30000000000000004,", lines[1], StringComparison.Ordinal);
        Assert.Equal(trace.Flows.Count + 1, File.ReadAllLines(_directory.File("flows.csv")).Length);
    }

    private Task<IReadOnlyList<string>> WriteAsync(Trace trace, TraceFormat format = TraceFormat.Parquet, CancellationToken ct = default) =>
        TraceWriter.WriteAsync(_directory.Path, trace, SampleTraces.Manifest(), SampleTraces.Summary(), format, ct);
}
