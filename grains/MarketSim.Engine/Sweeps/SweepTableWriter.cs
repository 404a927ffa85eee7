using MarketSim.Engine.Traces;

namespace MarketSim.Engine.Sweeps;

/// <summary>Writes the sweep table (<c>sweep.parquet</c> or <c>sweep.csv</c>) into the sweep folder, under a temporary name renamed into place.</summary>
public static class SweepTableWriter
{
    public static string FileName(TraceFormat format) => TraceWriter.TableFileName(SweepTable.Name, format);

    /// <summary>
    /// Replaces the table with <paramref name="rows"/>, ordered by point and replica. Readers see the
    /// old table or the new one, never a partial file. Not safe to call concurrently for one folder.
    /// </summary>
    public static async Task WriteAsync(string sweepDirectory, SweepGrid grid, IReadOnlyList<SweepRow> rows, TraceFormat format, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(sweepDirectory);
        ArgumentNullException.ThrowIfNull(rows);

        var table = SweepTable.Create(grid, rows);
        Directory.CreateDirectory(sweepDirectory);
        using var files = new StagedFiles(sweepDirectory);
        await TraceWriter.WriteTableAsync(files, table, [.. rows.Order(table.KeyOrder)], format, ct);
        files.Commit();
    }
}
