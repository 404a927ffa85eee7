using MarketSim.Client.Research.Reports;
using MarketSim.Engine.Metrics;

namespace MarketSim.Client.Tests.Research;

public sealed class RunReportTests(SampleRun run) : IClassFixture<SampleRun>
{
    [Fact]
    public async Task The_reported_facts_are_those_of_the_books_log_returns()
    {
        // Computed here from the rows the engine produced, not from the files the report reads.
        var closes = run.Trace.Market.OrderBy(row => row.Tick).Select(row => row.Close).ToArray();
        var facts = StylizedFacts.Of(StylizedFacts.LogReturns(closes));

        var report = await RunReport.WriteAsync(run.ParquetFolder, CancellationToken.None);

        Assert.Equal(report, await File.ReadAllTextAsync(Path.Combine(run.ParquetFolder, RunReport.FileName)));
        Assert.Contains($"| BTC@spot | 119 | {ReportMarkdown.Number(facts.StandardDeviation)} | {ReportMarkdown.Number(facts.ExcessKurtosis)} | n/a | 5 |", report);
        Assert.Contains($"| BTC@spot | returns | {string.Join(" | ", facts.ReturnAutocorrelation.Select(c => ReportMarkdown.Number(c.Value)))} |", report);
        Assert.Contains($"| BTC@spot | absolute returns | {string.Join(" | ", facts.AbsoluteReturnAutocorrelation.Select(c => ReportMarkdown.Number(c.Value)))} |", report);
        Assert.Contains("`retail.count=3000`, `ticks=120`", report);
    }

    [Fact]
    public async Task The_report_links_the_charts_in_the_folder()
    {
        await File.WriteAllBytesAsync(Path.Combine(run.CsvFolder, "cascades.png"), [1]);

        var report = await RunReport.WriteAsync(run.CsvFolder, CancellationToken.None);

        Assert.Contains("- [cascades.png](cascades.png)", report);
    }
}
