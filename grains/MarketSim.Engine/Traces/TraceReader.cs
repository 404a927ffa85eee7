using System.Text.Json;

namespace MarketSim.Engine.Traces;

/// <summary>Reads a run folder written by <see cref="TraceWriter"/> in <see cref="TraceFormat.Parquet"/>.</summary>
public static class TraceReader
{
    /// <summary>Reads the three Parquet tables back into a trace, rows in file order.</summary>
    public static async Task<Trace> ReadAsync(string runDirectory, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runDirectory);

        var trace = new Trace();
        trace.Market.AddRange(await ReadTableAsync(runDirectory, TraceTables.Market, ct));
        trace.Liquidations.AddRange(await ReadTableAsync(runDirectory, TraceTables.Liquidations, ct));
        trace.Flows.AddRange(await ReadTableAsync(runDirectory, TraceTables.Flows, ct));
        return trace;
    }

    /// <summary>Reads <c>manifest.json</c>; its presence means the run folder is complete.</summary>
    public static RunManifest ReadManifest(string runDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(runDirectory);

        var path = Path.Combine(runDirectory, TraceWriter.ManifestFileName);
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<RunManifest>(stream, TraceJson.Options)
            ?? throw new InvalidDataException($"{path}: the manifest is null.");
    }

    private static Task<List<TRow>> ReadTableAsync<TRow>(string runDirectory, TraceTable<TRow> table, CancellationToken ct) =>
        ParquetTableFile.ReadAsync(Path.Combine(runDirectory, TraceWriter.TableFileName(table.Name, TraceFormat.Parquet)), table, ct);
}
