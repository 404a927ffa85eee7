using Parquet;
using Parquet.Schema;

namespace MarketSim.Engine.Traces;

/// <summary>Reads one trace table from a Parquet file (<see cref="TraceTableWriter{TRow}"/> writes them).</summary>
internal static class ParquetTableFile
{
    /// <summary>
    /// Reads the table's columns from every row group. Other columns are ignored, so a file that a
    /// notebook rewrote with extra columns still reads.
    /// </summary>
    public static async Task<List<TRow>> ReadAsync<TRow>(string path, TraceTable<TRow> table, CancellationToken ct)
    {
        await using var reader = await ParquetReader.CreateAsync(path, cancellationToken: ct);
        var rowCount = checked((int)reader.RowGroups.Sum(rowGroup => rowGroup.RowCount));

        var columns = new Dictionary<string, Array>();
        foreach (var column in table.Columns)
        {
            var field = FindField(reader.Schema, column, path);
            var values = column.CreateValues(rowCount);
            var offset = 0;
            foreach (var rowGroup in reader.RowGroups)
            {
                await column.ReadAsync(rowGroup, field, values, offset, ct);
                offset += checked((int)rowGroup.RowCount);
            }

            columns.Add(column.Name, values);
        }

        return table.CreateRows(columns, rowCount);
    }

    /// <summary>The names of the file's columns, in file order.</summary>
    public static async Task<IReadOnlyList<string>> ReadColumnNamesAsync(string path, CancellationToken ct)
    {
        await using var reader = await ParquetReader.CreateAsync(path, cancellationToken: ct);
        return [.. reader.Schema.DataFields.Select(field => field.Name)];
    }

    private static DataField FindField<TRow>(ParquetSchema schema, TraceColumn<TRow> column, string path)
    {
        var field = schema.DataFields.FirstOrDefault(field => field.Name == column.Name);
        if (field is null || !field.Equals(column.Field))
        {
            throw new InvalidDataException($"{path}: expected a column {column.Field}, found {field?.ToString() ?? "none"}.");
        }

        return field;
    }
}
