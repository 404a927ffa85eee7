using System.Text;
using Parquet;

namespace MarketSim.Engine.Traces;

/// <summary>
/// One table of a trace being written while its run goes on: rows are appended in batches (a tick's, or a whole
/// table's), written to the staged file as they come — Parquet in row groups of at least
/// <see cref="TraceTableWriter.RowGroupRows"/> rows, CSV line by line — and encoded for the trace hash into a spool file beside it,
/// so that neither the rows nor their encoding stay in memory.
/// </summary>
/// <remarks>
/// The hash wants each table's rows in key order (<see cref="TraceHasher"/>). Each batch is sorted by key before
/// it is encoded; batches must follow each other in key order — a tick's rows all come after the previous tick's,
/// since every key starts with the tick — and a batch that does not is refused rather than hashed wrongly.
/// </remarks>
internal sealed class TraceTableWriter<TRow> : TraceTableWriter
{
    private static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly TraceTable<TRow> _table;
    private readonly Stream _file;
    private readonly ParquetWriter? _parquet;
    private readonly StreamWriter? _csv;
    private readonly List<TRow> _pending = [];
    private readonly FileStream _spool;
    private readonly CanonicalHashWriter _encoding;
    private TRow? _lastKey;
    private long _count;
    private bool _disposed;
    private bool _wroteRowGroup;

    private readonly int _rowGroupRows;

    private TraceTableWriter(TraceTable<TRow> table, Stream file, ParquetWriter? parquet, StreamWriter? csv, string spoolPath, int rowGroupRows)
    {
        _table = table;
        _rowGroupRows = rowGroupRows;
        _file = file;
        _parquet = parquet;
        _csv = csv;
        _spool = new FileStream(spoolPath, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        _encoding = new CanonicalHashWriter(_spool);
    }

    public override string FileName => TraceWriter.TableFileName(_table.Name, _csv is null ? TraceFormat.Parquet : TraceFormat.Csv);

    public override long Count => _count;

    /// <summary>Opens the table's staged file in <paramref name="files"/> and its hash spool beside it.</summary>
    public static async Task<TraceTableWriter<TRow>> OpenAsync(StagedFiles files, TraceTable<TRow> table, TraceFormat format, int rowGroupRows, CancellationToken ct)
    {
        var file = files.Create(TraceWriter.TableFileName(table.Name, format));
        var spool = files.TemporaryPath($"{table.Name}.hash");
        if (format == TraceFormat.Csv)
        {
            // "\n" rather than Environment.NewLine, so the bytes do not depend on the machine.
            var csv = new StreamWriter(file, Utf8WithoutBom, leaveOpen: true) { NewLine = "\n" };
            await csv.WriteLineAsync(CsvTableFile.Line(table.Columns, column => column.Name).AsMemory(), ct);
            return new TraceTableWriter<TRow>(table, file, null, csv, spool, rowGroupRows);
        }

        var parquet = await ParquetWriter.CreateAsync(table.ParquetSchema, file, cancellationToken: ct);
        return new TraceTableWriter<TRow>(table, file, parquet, null, spool, rowGroupRows);
    }

    /// <summary>Appends <paramref name="rows"/>, which must all sort after the rows appended before them.</summary>
    /// <exception cref="InvalidOperationException">A row sorts before one already appended.</exception>
    public async ValueTask AddAsync(IReadOnlyList<TRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }

        Encode(rows);
        _count += rows.Count;
        if (_csv is not null)
        {
            foreach (var row in rows)
            {
                await _csv.WriteLineAsync(CsvTableFile.Line(_table.Columns, column => column.Format(row)).AsMemory(), ct);
            }

            return;
        }

        _pending.AddRange(rows);
        if (_pending.Count >= _rowGroupRows)
        {
            await WriteRowGroupAsync(ct);
        }
    }

    public override async Task CompleteAsync(CancellationToken ct)
    {
        if (_parquet is not null)
        {
            // A table with no rows still gets its (empty) row group, as readers of the schema expect one.
            if (_pending.Count > 0 || !_wroteRowGroup)
            {
                await WriteRowGroupAsync(ct);
            }

            await _parquet.DisposeAsync();
        }
        else
        {
            await _csv!.FlushAsync(ct);
        }

        await _file.FlushAsync(ct);

        // Without this a crash soon after the rename could leave a renamed file with no content.
        ((FileStream)_file).Flush(flushToDisk: true);
        _encoding.Flush();
    }

    public override void AppendTo(CanonicalHashWriter hash)
    {
        _encoding.Flush();
        hash.WriteString(_table.Name);
        hash.WriteInt64(Count);
        hash.Append(_spool);
    }

    public override async ValueTask DisposeAsync()
    {
        // Once only: the trace's writer closes its tables before renaming them, and again when it is disposed.
        if (_disposed)
        {
            return;
        }

        _disposed = true;

        // The Parquet writer is left alone: disposing it writes the file's end, and an abandoned file is deleted.
        if (_csv is not null)
        {
            await _csv.DisposeAsync();
        }

        await _file.DisposeAsync();
        _encoding.Dispose();
        await _spool.DisposeAsync();
    }

    private void Encode(IReadOnlyList<TRow> rows)
    {
        // Order is a stable sort, so equal keys keep their trace order, as in TraceHasher.
        var columns = _table.Columns;
        var first = true;
        foreach (var row in rows.Order(_table.KeyOrder))
        {
            if (first && _lastKey is not null && _table.KeyOrder.Compare(_lastKey, row) > 0)
            {
                throw new InvalidOperationException($"table '{_table.Name}': rows arrived out of key order (a tick's rows before an earlier tick's)");
            }

            first = false;
            for (var i = 0; i < columns.Count; i++)
            {
                columns[i].Hash(_encoding, row);
            }

            _lastKey = row;
        }
    }

    private async Task WriteRowGroupAsync(CancellationToken ct)
    {
        using (var rowGroup = _parquet!.CreateRowGroup())
        {
            foreach (var column in _table.Columns)
            {
                await column.WriteAsync(rowGroup, _pending, ct);
            }
        }

        _pending.Clear();
        _wroteRowGroup = true;
    }
}

/// <summary>What a trace's writer asks of each of its tables, whatever their rows.</summary>
internal abstract class TraceTableWriter : IAsyncDisposable
{
    /// <summary>
    /// Rows buffered before a Parquet row group is written: about 2 MiB of column values, big enough for DuckDB and
    /// pandas to read fast, small enough that a long run's buffers (and the compressor's) stay a few MiB.
    /// </summary>
    public const int RowGroupRows = 8_192;

    /// <summary>The file name the table is staged under, e.g. <c>market.parquet</c>.</summary>
    public abstract string FileName { get; }

    /// <summary>Rows appended so far.</summary>
    public abstract long Count { get; }

    /// <summary>Writes what is buffered and the file's end, and flushes it to disk; the file is then complete.</summary>
    public abstract Task CompleteAsync(CancellationToken ct);

    /// <summary>Hashes the table into <paramref name="hash"/> as <see cref="TraceHasher"/> defines it: name, row count, rows in key order.</summary>
    public abstract void AppendTo(CanonicalHashWriter hash);

    public abstract ValueTask DisposeAsync();
}
