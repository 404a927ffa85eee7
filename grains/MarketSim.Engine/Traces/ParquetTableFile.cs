using Parquet;
using Parquet.Schema;

namespace MarketSim.Engine.Traces;

/// <summary>Reads and writes one trace table as a Parquet file.</summary>
internal static class ParquetTableFile
{
    /// <summary>Writes the rows as a single row group, in the order given.</summary>
    public static async Task WriteAsync<TRow>(Stream stream, TraceTable<TRow> table, IReadOnlyList<TRow> rows, CancellationToken ct)
    {
        await using var writer = await ParquetWriter.CreateAsync(table.ParquetSchema, stream, cancellationToken: ct);
        using var rowGroup = writer.CreateRowGroup();
        foreach (var column in table.Columns)
        {
            await column.WriteAsync(rowGroup, rows, ct);
        }
    }

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
