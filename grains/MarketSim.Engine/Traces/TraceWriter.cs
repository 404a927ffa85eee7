using System.Text.Json;

namespace MarketSim.Engine.Traces;

/// <summary>
/// Writes a run folder: the tables, <c>summary.json</c>, then <c>manifest.json</c>. Every file
/// is written under a temporary name and renamed into place once complete, the manifest last, so a
/// folder with a manifest always holds a complete, matching trace. The manifest of a run stopped early
/// (<see cref="RunManifest.Complete"/> false) goes to <see cref="IncompleteManifestFileName"/> instead.
/// </summary>
public static class TraceWriter
{
    public const string SummaryFileName = "summary.json";
    public const string ManifestFileName = "manifest.json";

    /// <summary>The manifest of a trace that stops before the scenario's last tick: no reader of complete traces looks for it.</summary>
    public const string IncompleteManifestFileName = "incomplete.json";

    /// <summary>Where <paramref name="manifest"/> is written: <see cref="ManifestFileName"/> only for a complete run.</summary>
    public static string ManifestFileNameOf(RunManifest manifest) => manifest.Complete ? ManifestFileName : IncompleteManifestFileName;

    /// <summary>
    /// Writes the run to <paramref name="runDirectory"/>, creating it if needed, and returns the names of
    /// the files written, manifest last. The trace hash in the manifest and summary, and the manifest's
    /// file list, are set here from what is actually written. On failure or cancellation the temporary
    /// files are deleted and no manifest is left behind, not even one from an earlier run.
    /// </summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(
        string runDirectory,
        Trace trace,
        RunManifest manifest,
        RunSummary summary,
        TraceFormat format,
        CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(runDirectory);
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(summary);
        ct.ThrowIfCancellationRequested();

        var traceHash = TraceHasher.Hash(trace);
        Directory.CreateDirectory(runDirectory);

        // An earlier manifest, complete or not, would vouch for files that are about to be replaced.
        File.Delete(Path.Combine(runDirectory, ManifestFileName));
        File.Delete(Path.Combine(runDirectory, IncompleteManifestFileName));

        using var files = new StagedFiles(runDirectory);
        string[] tableFiles =
        [
            await WriteTableAsync(files, TraceTables.Market, trace.Market, format, ct),
            await WriteTableAsync(files, TraceTables.Liquidations, trace.Liquidations, format, ct),
            await WriteTableAsync(files, TraceTables.Flows, trace.Flows, format, ct),
            await WriteTableAsync(files, TraceTables.CostBasis, trace.CostBasis, format, ct),
            await WriteTableAsync(files, TraceTables.Resonance, trace.Resonance, format, ct),
            await WriteTableAsync(files, TraceTables.Triggers, trace.Triggers, format, ct),
            await WriteTableAsync(files, TraceTables.RestingLevels, trace.RestingLevels, format, ct),
        ];
        await WriteJsonAsync(files, SummaryFileName, summary with { TraceHash = traceHash }, ct);
        await WriteJsonAsync(files, ManifestFileNameOf(manifest), manifest with { TraceHash = traceHash, Files = tableFiles }, ct);

        // Renaming is quick and all-or-nothing per file; cancelling halfway through would only leave a mixed folder.
        ct.ThrowIfCancellationRequested();
        return files.Commit();
    }

    /// <summary>The file name of a table in a format, e.g. <c>market.parquet</c>.</summary>
    internal static string TableFileName(string table, TraceFormat format) => format switch
    {
        TraceFormat.Parquet => $"{table}.parquet",
        TraceFormat.Csv => $"{table}.csv",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown trace format."),
    };

    /// <summary>Stages one table in <paramref name="format"/>; returns its file name.</summary>
    internal static async Task<string> WriteTableAsync<TRow>(
        StagedFiles files,
        TraceTable<TRow> table,
        IReadOnlyList<TRow> rows,
        TraceFormat format,
        CancellationToken ct)
    {
        var fileName = TableFileName(table.Name, format);
        await files.WriteAsync(
            fileName,
            format == TraceFormat.Parquet
                ? (stream, token) => ParquetTableFile.WriteAsync(stream, table, rows, token)
                : (stream, token) => CsvTableFile.WriteAsync(stream, table, rows, token),
            ct);
        return fileName;
    }

    private static Task WriteJsonAsync<T>(StagedFiles files, string fileName, T value, CancellationToken ct) =>
        files.WriteAsync(fileName, (stream, token) => JsonSerializer.SerializeAsync(stream, value, TraceJson.Options, token), ct);
}
