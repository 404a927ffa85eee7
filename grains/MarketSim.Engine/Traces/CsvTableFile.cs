using System.Buffers;
using System.Text;

namespace MarketSim.Engine.Traces;

/// <summary>Writes one trace table as CSV: a header row, then one line per row, fields quoted only when needed (RFC 4180).</summary>
internal static class CsvTableFile
{
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    private static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task WriteAsync<TRow>(Stream stream, TraceTable<TRow> table, IReadOnlyList<TRow> rows, CancellationToken ct)
    {
        // "\n" rather than Environment.NewLine, so the bytes do not depend on the machine.
        await using var writer = new StreamWriter(stream, Utf8WithoutBom, leaveOpen: true) { NewLine = "\n" };
        var line = new StringBuilder();

        AppendLine(line, table.Columns, column => column.Name);
        await writer.WriteLineAsync(line, ct);

        foreach (var row in rows)
        {
            line.Clear();
            AppendLine(line, table.Columns, column => column.Format(row));
            await writer.WriteLineAsync(line, ct);
        }
    }

    private static void AppendLine<TRow>(StringBuilder line, IReadOnlyList<TraceColumn<TRow>> columns, Func<TraceColumn<TRow>, string> field)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            AppendField(line, field(columns[i]));
        }
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
