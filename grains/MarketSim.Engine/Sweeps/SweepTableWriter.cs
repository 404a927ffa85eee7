using MarketSim.Engine.Traces;

namespace MarketSim.Engine.Sweeps;

/// <summary>
/// Writes the sweep table (<c>sweep.parquet</c> or <c>sweep.csv</c>) and the per-point table (<c>sweep_points</c>)
/// into the sweep folder, under temporary names renamed into place.
/// </summary>
public static class SweepTableWriter
{
    public static string FileName(TraceFormat format) => TraceWriter.TableFileName(SweepTable.Name, format);

    /// <summary>The per-point table: medians over replicas with bootstrap intervals (<see cref="SweepPointFact"/>).</summary>
    public static string PointsFileName(TraceFormat format) => TraceWriter.TableFileName(SweepPointTable.Name, format);

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
        await TraceWriter.WriteTableAsync(files, SweepPointTable.Create(grid), SweepPointFact.Of(rows), format, ct);
        files.Commit();
    }
}
