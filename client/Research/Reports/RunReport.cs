using MarketSim.Engine.Metrics;
using MarketSim.Engine.Traces;

namespace MarketSim.Client.Research.Reports;

/// <summary>Writes <c>report.md</c> into a run folder from its summary, manifest, trace and charts.</summary>
public static class RunReport
{
    public const string FileName = "report.md";

    /// <summary>Builds the report, writes it (under a temporary name, then renamed) and returns its text.</summary>
    public static async Task<string> WriteAsync(string runDirectory, CancellationToken ct)
    {
        var summary = TraceReader.ReadSummary(runDirectory);
        var manifest = TraceReader.FindManifest(runDirectory);
        var trace = await TraceReader.ReadAsync(runDirectory, ct);
        string[] charts = [.. Directory.EnumerateFiles(runDirectory, "*.png").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

        var markdown = ReportMarkdown.Build(summary, manifest, BookFacts.Of(trace.Market), charts);
        var temporary = Path.Combine(runDirectory, $".{FileName}.tmp");
        await File.WriteAllTextAsync(temporary, markdown, ct);
        File.Move(temporary, Path.Combine(runDirectory, FileName), overwrite: true);
        return markdown;
    }
}
