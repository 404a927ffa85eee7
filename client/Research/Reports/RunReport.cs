using MarketSim.Engine.Metrics;
using MarketSim.Engine.Traces;

namespace MarketSim.Client.Research.Reports;

/// <summary>Writes <c>report.md</c> and its data (<c>abs_return_acf.csv</c>) into a run folder from its summary, manifest, trace and charts.</summary>
public static class RunReport
{
    public const string FileName = "report.md";

    /// <summary>Builds the report with returns on <paramref name="price"/>, writes it and its data (each under a temporary name, then renamed) and returns its text.</summary>
    public static async Task<string> WriteAsync(string runDirectory, CancellationToken ct, ReturnPrice price = ReturnPrice.Mid)
    {
        var summary = TraceReader.ReadSummary(runDirectory);
        var manifest = TraceReader.FindManifest(runDirectory);
        var trace = await TraceReader.ReadAsync(runDirectory, ct);
        string[] charts = [.. Directory.EnumerateFiles(runDirectory, "*.png").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

        var books = BookFacts.Of(trace.Market, price);
        var markdown = ReportMarkdown.Build(summary, manifest, books, charts);
        await WriteFileAsync(runDirectory, AbsoluteReturnAcfFile.FileName, AbsoluteReturnAcfFile.Build(books), ct);
        await WriteFileAsync(runDirectory, FileName, markdown, ct);
        return markdown;
    }

    private static async Task WriteFileAsync(string runDirectory, string fileName, string text, CancellationToken ct)
    {
        var temporary = Path.Combine(runDirectory, $".{fileName}.tmp");
        await File.WriteAllTextAsync(temporary, text, ct);
        File.Move(temporary, Path.Combine(runDirectory, fileName), overwrite: true);
    }
}
