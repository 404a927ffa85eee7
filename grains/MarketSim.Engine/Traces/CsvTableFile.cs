using System.Buffers;
using System.Text;
using nietras.SeparatedValues;

namespace MarketSim.Engine.Traces;

/// <summary>
/// One trace table as CSV: a header row, then one line per row, fields quoted only when needed (RFC 4180).
/// <see cref="TraceTableWriter{TRow}"/> writes the lines formatted here. Reading is Sep's, which also reads what
/// spreadsheets save (quoted separators, line breaks and doubled quotes, <c>\r\n</c> line ends).
/// </summary>
internal static class CsvTableFile
{
    // Comma always (Sep would otherwise guess the separator from the header), quotes removed on access, and
    // rows of the wrong width left to this reader so its message names the file and the line.
    private static readonly SepReaderOptions Reading =
        Sep.New(',').Reader(options => options with { HasHeader = false, Unescape = true, DisableColCountCheck = true });

    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    /// <summary>One CSV line (without its end) of the columns' fields, quoted where needed.</summary>
    public static string Line<TRow>(IReadOnlyList<TraceColumn<TRow>> columns, Func<TraceColumn<TRow>, string> field)
    {
        var line = new StringBuilder();
        for (var i = 0; i < columns.Count; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            AppendField(line, field(columns[i]));
        }

        return line.ToString();
    }

    /// <summary>
    /// Reads the table's columns, found by their header names; other columns are ignored, as
    /// <see cref="ParquetTableFile.ReadAsync"/> does.
    /// </summary>
    public static async Task<List<TRow>> ReadAsync<TRow>(string path, TraceTable<TRow> table, CancellationToken ct)
    {
        var records = ReadRecords(await File.ReadAllTextAsync(path, ct));
        var header = records.Count > 0 ? records[0].Fields : [];
        var rowCount = Math.Max(0, records.Count - 1);

        var columns = new Dictionary<string, Array>();
        foreach (var column in table.Columns)
        {
            var index = Array.IndexOf(header, column.Name);
            if (index < 0)
            {
                throw new InvalidDataException($"{path}: expected a column '{column.Name}' in the header.");
            }

            var values = column.CreateValues(rowCount);
            for (var row = 0; row < rowCount; row++)
            {
                var (line, fields) = records[row + 1];
                if (fields.Length != header.Length)
                {
                    throw new InvalidDataException($"{path}, line {line}: {fields.Length} fields, the header has {header.Length}.");
                }

                try
                {
                    column.ParseInto(fields[index], values, row);
                }
                catch (Exception e) when (e is FormatException or OverflowException)
                {
                    throw new InvalidDataException($"{path}, line {line}: '{fields[index]}' is not a valid {column.Name}.", e);
                }
            }

            columns.Add(column.Name, values);
        }

        return table.CreateRows(columns, rowCount);
    }

    /// <summary>The names in the header row, in file order.</summary>
    public static IReadOnlyList<string> ReadColumnNames(string path)
    {
        using var reader = Reading.FromFile(path);
        return reader.MoveNext() ? Fields(reader.Current) : [];
    }

    /// <summary>Every record with the line it starts on (from 1; a quoted line break makes a record span lines).</summary>
    private static List<(int Line, string[] Fields)> ReadRecords(string text)
    {
        using var reader = Reading.FromText(text);
        var records = new List<(int, string[])>();
        foreach (var row in reader)
        {
            records.Add((row.LineNumberFrom, Fields(row)));
        }

        return records;
    }

    private static string[] Fields(SepReader.Row row)
    {
        var fields = new string[row.ColCount];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = row[i].ToString();
        }

        return fields;
    }

    private static void AppendField(StringBuilder line, string value)
    {
        if (!value.AsSpan().ContainsAny(NeedsQuotes))
        {
            line.Append(value);
            return;
        }

        line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
