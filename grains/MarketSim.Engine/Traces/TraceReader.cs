using System.Text.Json;

namespace MarketSim.Engine.Traces;

/// <summary>Reads a run folder written by <see cref="TraceWriter"/>, in either <see cref="TraceFormat"/>.</summary>
public static class TraceReader
{
    /// <summary>
    /// Reads the tables back into a trace, rows in file order. The cost-basis, resonance, trigger and resting-level
    /// tables are empty when the run has no file for them (it was written before they existed).
    /// </summary>
    public static async Task<Trace> ReadAsync(string runDirectory, CancellationToken ct = default)
    {
        var format = FormatOf(runDirectory);

        var trace = new Trace();
        trace.Market.AddRange(await ReadTableAsync(runDirectory, TraceTables.Market, format, ct));
        trace.Liquidations.AddRange(await ReadTableAsync(runDirectory, TraceTables.Liquidations, format, ct));
        trace.Flows.AddRange(await ReadTableAsync(runDirectory, TraceTables.Flows, format, ct));
        trace.CostBasis.AddRange(await ReadOptionalTableAsync(runDirectory, TraceTables.CostBasis, format, ct));
        trace.Resonance.AddRange(await ReadOptionalTableAsync(runDirectory, TraceTables.Resonance, format, ct));
        trace.Triggers.AddRange(await ReadOptionalTableAsync(runDirectory, TraceTables.Triggers, format, ct));
        trace.RestingLevels.AddRange(await ReadOptionalTableAsync(runDirectory, TraceTables.RestingLevels, format, ct));
        return trace;
    }

    /// <summary>
    /// The format of the run's tables, told by which market table is there (Parquet when both are).
    /// Throws <see cref="FileNotFoundException"/> when neither is: the folder holds no trace.
    /// </summary>
    public static TraceFormat FormatOf(string runDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(runDirectory);

        foreach (var format in (TraceFormat[])[TraceFormat.Parquet, TraceFormat.Csv])
        {
            if (File.Exists(TablePath(runDirectory, TraceTables.Market.Name, format)))
            {
                return format;
            }
        }

        throw new FileNotFoundException(
            $"{runDirectory}: no trace here (neither {TraceWriter.TableFileName(TraceTables.Market.Name, TraceFormat.Parquet)} nor {TraceWriter.TableFileName(TraceTables.Market.Name, TraceFormat.Csv)})",
            TablePath(runDirectory, TraceTables.Market.Name, TraceFormat.Parquet));
    }

    /// <summary>
    /// The column names of table <paramref name="table"/> in the run's format, or null when the run has
    /// no such table: how a tool asks whether a trace carries data that only newer engines write.
    /// </summary>
    public static async Task<IReadOnlyList<string>?> ReadColumnNamesAsync(string runDirectory, string table, CancellationToken ct = default)
    {
        var format = FormatOf(runDirectory);
        var path = TablePath(runDirectory, table, format);
        if (!File.Exists(path))
        {
            return null;
        }

        return format == TraceFormat.Parquet
            ? await ParquetTableFile.ReadColumnNamesAsync(path, ct)
            : CsvTableFile.ReadColumnNames(path);
    }

    /// <summary>Reads <c>manifest.json</c>; its presence means the run folder is complete.</summary>
    public static RunManifest ReadManifest(string runDirectory) => ReadJson<RunManifest>(runDirectory, TraceWriter.ManifestFileName);

    /// <summary>
    /// The manifest of a complete run, else that of a run stopped early (<c>incomplete.json</c>), else
    /// null: a folder with neither is a trace whose writing was cut off.
    /// </summary>
    public static RunManifest? FindManifest(string runDirectory) =>
        File.Exists(Path.Combine(runDirectory, TraceWriter.ManifestFileName)) ? ReadManifest(runDirectory)
        : File.Exists(Path.Combine(runDirectory, TraceWriter.IncompleteManifestFileName)) ? ReadJson<RunManifest>(runDirectory, TraceWriter.IncompleteManifestFileName)
        : null;

    /// <summary>Reads <c>summary.json</c>.</summary>
    public static RunSummary ReadSummary(string runDirectory) => ReadJson<RunSummary>(runDirectory, TraceWriter.SummaryFileName);

    private static T ReadJson<T>(string runDirectory, string fileName)
    {
        ArgumentException.ThrowIfNullOrEmpty(runDirectory);

        var path = Path.Combine(runDirectory, fileName);
        using var stream = File.OpenRead(path);
        try
        {
            return JsonSerializer.Deserialize<T>(stream, TraceJson.Options)
                ?? throw new InvalidDataException($"{path}: the file holds null");
        }
        catch (JsonException e)
        {
            // Name the file: a raw JsonException says where in some file, not which.
            throw new InvalidDataException($"{path}: not a valid {fileName} ({e.Message})", e);
        }
    }

    private static Task<List<TRow>> ReadTableAsync<TRow>(string runDirectory, TraceTable<TRow> table, TraceFormat format, CancellationToken ct)
    {
        var path = TablePath(runDirectory, table.Name, format);
        return NamingFileAsync(path, () => format == TraceFormat.Parquet
            ? ParquetTableFile.ReadAsync(path, table, ct)
            : CsvTableFile.ReadAsync(path, table, ct));
    }

    /// <summary>
    /// Reads with <paramref name="read"/>; a file that cannot be read (truncated, not Parquet, wrong
    /// columns) fails as <see cref="InvalidDataException"/> whose message starts with its path.
    /// </summary>
    private static async Task<T> NamingFileAsync<T>(string path, Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException or InvalidOperationException or ArgumentException or NotSupportedException
            && e is not FileNotFoundException && !e.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: cannot be read: {e.Message}", e);
        }
    }

    private static async Task<List<TRow>> ReadOptionalTableAsync<TRow>(string runDirectory, TraceTable<TRow> table, TraceFormat format, CancellationToken ct) =>
        File.Exists(TablePath(runDirectory, table.Name, format)) ? await ReadTableAsync(runDirectory, table, format, ct) : [];

    private static string TablePath(string runDirectory, string table, TraceFormat format) =>
        Path.Combine(runDirectory, TraceWriter.TableFileName(table, format));
}
