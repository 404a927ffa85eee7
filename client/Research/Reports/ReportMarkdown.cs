using System.Globalization;
using System.Text;
using MarketSim.Engine.Metrics;
using MarketSim.Engine.Traces;

namespace MarketSim.Client.Research.Reports;

/// <summary>
/// The text of <c>report.md</c>: what was run, the summary, the stylized facts of each book's
/// returns, and links to the charts. A pure function of its inputs, so a test can check every number.
/// </summary>
internal static class ReportMarkdown
{
    public static string Build(RunSummary summary, RunManifest? manifest, IReadOnlyList<BookFacts> books, IReadOnlyList<string> charts)
    {
        var text = new StringBuilder();
        text.AppendLine($"# Run {summary.RunId}").AppendLine();
        if (manifest is not { Complete: true })
        {
            // Statistics of a cut-off run describe the part that ran, not the scenario.
            text.AppendLine(manifest is null
                ? "**Incomplete trace**: the folder has no manifest; the run did not finish writing."
                : $"**Incomplete trace**: the run was stopped after {manifest.CompletedTicks:N0} of {manifest.Ticks:N0} ticks.").AppendLine();
        }

        if (manifest is not null)
        {
            AppendRun(text, manifest);
        }

        AppendSummary(text, summary);
        AppendStylizedFacts(text, books);
        AppendCharts(text, charts);
        return text.ToString();
    }

    /// <summary>How every statistic is printed: four decimals, or <c>n/a</c> where the series cannot support it.</summary>
    public static string Number(double value) => double.IsFinite(value) ? value.ToString("F4", CultureInfo.InvariantCulture) : "n/a";

    private static void AppendRun(StringBuilder text, RunManifest manifest)
    {
        var overrides = manifest.Overrides is { Count: > 0 } list ? string.Join(", ", list.Select(o => $"`{o}`")) : "none";
        var host = manifest.Silos > 0 ? $"{manifest.Engine} on {manifest.Silos} silo(s)" : manifest.Engine;
        text.AppendLine($"Scenario **{manifest.Scenario}** (`{manifest.ScenarioFile}`), seed {manifest.Seed}, {manifest.Ticks:N0} ticks, engine {host}, overrides: {overrides}.")
            .AppendLine($"Trace hash `{manifest.TraceHash}`.")
            .AppendLine();
    }

    private static void AppendSummary(StringBuilder text, RunSummary summary)
    {
        text.AppendLine("## Summary").AppendLine()
            .AppendLine("| book | open | close | max drawdown | volume |")
            .AppendLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var book in summary.Books)
        {
            text.AppendLine($"| {book.Instrument}@{book.Venue} | {book.InitialPrice:N2} | {book.FinalPrice:N2} | {book.MaxDrawdown:P2} | {book.Volume:N3} |");
        }

        text.AppendLine()
            .AppendLine("| | |")
            .AppendLine("| --- | ---: |")
            .AppendLine($"| stop-loss notional | {summary.StopNotional:N0} |")
            .AppendLine($"| margin-liquidated notional | {summary.MarginLiquidatedNotional:N0} |")
            .AppendLine($"| ticks with cascades | {summary.CascadeTicks:N0} |")
            .AppendLine($"| deepest cascade | {summary.MaxCascadeRounds} rounds |")
            .AppendLine($"| ticks in cost resonance | {summary.ResonanceTicks:N0} |")
            .AppendLine($"| conservation | {(summary.Conserved ? "ok in every tick" : $"**broken in {summary.ConservationViolations} ticks**")} |")
            .AppendLine();
    }

    private static void AppendStylizedFacts(StringBuilder text, IReadOnlyList<BookFacts> books)
    {
        text.AppendLine("## Stylized facts of returns").AppendLine()
            .AppendLine("Log returns of each book's close, tick to tick. Excess kurtosis is the bias-corrected G2 (0 for normal returns);")
            .AppendLine($"the Hill tail index uses the k = ⌊{StylizedFacts.TailFraction:0.##} n⌋ largest absolute returns (smaller α, heavier tail);")
            .AppendLine("autocorrelations use the whole series' mean and variance, as R's and statsmodels' `acf` do. Real markets show")
            .AppendLine("positive excess kurtosis, a tail index near 3, return autocorrelations near 0, and positive, slowly decaying")
            .AppendLine("autocorrelations of absolute returns (volatility clustering).")
            .AppendLine()
            .AppendLine("| book | returns | std | excess kurtosis | Hill α | Hill k |")
            .AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var book in books)
        {
            var facts = book.Facts;
            text.AppendLine($"| {book.Instrument}@{book.Venue} | {facts.Returns:N0} | {Number(facts.StandardDeviation)} | {Number(facts.ExcessKurtosis)} | {Number(facts.HillAlpha)} | {facts.HillK} |");
        }

        text.AppendLine()
            .AppendLine("Autocorrelation by lag, in ticks:")
            .AppendLine()
            .AppendLine($"| book | series | {string.Join(" | ", StylizedFacts.Lags)} |")
            .AppendLine($"| --- | --- |{string.Concat(StylizedFacts.Lags.Select(_ => " ---: |"))}");
        foreach (var book in books)
        {
            AppendCorrelations(text, book, "returns", book.Facts.ReturnAutocorrelation);
            AppendCorrelations(text, book, "absolute returns", book.Facts.AbsoluteReturnAutocorrelation);
        }

        if (books.FirstOrDefault()?.Facts.Returns is > 0 and var n)
        {
            // Under no autocorrelation, the estimates at each lag are roughly normal with variance 1/n (Bartlett).
            text.AppendLine().AppendLine($"Values within ±{Number(1.96 / Math.Sqrt(n))} (±1.96/√n) are indistinguishable from 0 at the 5% level.");
        }

        text.AppendLine();
    }

    private static void AppendCorrelations(StringBuilder text, BookFacts book, string series, IReadOnlyList<LagCorrelation> correlations) =>
        text.AppendLine($"| {book.Instrument}@{book.Venue} | {series} | {string.Join(" | ", correlations.Select(c => Number(c.Value)))} |");

    private static void AppendCharts(StringBuilder text, IReadOnlyList<string> charts)
    {
        text.AppendLine("## Charts").AppendLine();
        if (charts.Count == 0)
        {
            text.AppendLine("None yet: `marketsim plot` draws them into this folder.");
            return;
        }

        foreach (var chart in charts)
        {
            text.AppendLine($"- [{chart}]({chart})");
        }
    }
}
