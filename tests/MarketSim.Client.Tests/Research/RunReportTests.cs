using MarketSim.Client.Research.Reports;
using MarketSim.Engine.Metrics;

namespace MarketSim.Client.Tests.Research;

public sealed class RunReportTests(SampleRun run) : IClassFixture<SampleRun>
{
    [Fact]
    public async Task The_reported_facts_are_those_of_the_books_mid_returns()
    {
        // Computed here from the rows the engine produced, not from the files the report reads.
        var rows = run.Trace.Market.OrderBy(row => row.Tick).ToArray();
        var facts = StylizedFacts.Of(StylizedFacts.LogReturns([.. rows.Select(row => row.Mid)]));
        var closeAcf1 = StylizedFacts.Autocorrelation(StylizedFacts.LogReturns([.. rows.Select(row => row.Close)]), 1);
        var signs = StylizedFacts.OrderSigns([.. rows.Select(row => row.TakerNet)]);

        var report = await RunReport.WriteAsync(run.ParquetFolder, CancellationToken.None);

        Assert.Equal(report, await File.ReadAllTextAsync(Path.Combine(run.ParquetFolder, RunReport.FileName)));
        Assert.Contains("Log returns of each book's **mid", report);
        Assert.Contains($"| BTC@spot | 119 | {ReportMarkdown.Number(facts.StandardDeviation)} | {ReportMarkdown.Number(facts.ExcessKurtosis)} | {ReportMarkdown.Number(facts.AggregatedExcessKurtosis)} | n/a | 5 |", report);
        Assert.Contains($"| BTC@spot | returns | {string.Join(" | ", facts.ReturnAutocorrelation.Select(c => ReportMarkdown.Number(c.Value)))} |", report);
        Assert.Contains($"| BTC@spot | absolute returns | {string.Join(" | ", facts.AbsoluteReturnAutocorrelation.Select(c => ReportMarkdown.Number(c.Value)))} |", report);
        Assert.Contains($"| BTC@spot | order signs | {string.Join(" | ", StylizedFacts.Lags.Select(lag => ReportMarkdown.Number(StylizedFacts.Autocorrelation(signs, lag))))} |", report);
        Assert.Contains($"| BTC@spot | {ReportMarkdown.Number(closeAcf1)} | {ReportMarkdown.Number(facts.ReturnAutocorrelationAt(1))} |", report);
        Assert.Contains("`retail.count=3000`, `ticks=120`", report);
    }

    [Fact]
    public async Task The_report_data_holds_the_absolute_return_autocorrelation_at_every_lag_to_fifty()
    {
        var rows = run.Trace.Market.OrderBy(row => row.Tick).ToArray();
        var absolute = StylizedFacts.LogReturns([.. rows.Select(row => row.Close)]).Select(Math.Abs).ToArray();

        await RunReport.WriteAsync(run.CsvFolder, CancellationToken.None, ReturnPrice.Close);

        var lines = await File.ReadAllLinesAsync(Path.Combine(run.CsvFolder, AbsoluteReturnAcfFile.FileName));
        Assert.Equal("venue,instrument,price,lag,abs_return_acf", lines[0]);
        Assert.Equal(1 + StylizedFacts.MaxLag, lines.Length);
        Assert.Equal($"spot,BTC,close,50,{StylizedFacts.Autocorrelation(absolute, 50).ToString("R", System.Globalization.CultureInfo.InvariantCulture)}", lines[^1]);
        Assert.Contains("Log returns of each book's **close", await File.ReadAllTextAsync(Path.Combine(run.CsvFolder, RunReport.FileName)));
    }

    [Fact]
    public async Task The_report_links_the_charts_in_the_folder()
    {
        await File.WriteAllBytesAsync(Path.Combine(run.CsvFolder, "cascades.png"), [1]);

        var report = await RunReport.WriteAsync(run.CsvFolder, CancellationToken.None);

        Assert.Contains("- [cascades.png](cascades.png)", report);
    }
}
