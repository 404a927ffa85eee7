using Parquet;
using Parquet.Schema;

namespace MarketSim.Engine.Traces;

/// <summary>
/// One column of a trace table: its name and type on disk, and how to get its value from a row.
/// The Parquet and CSV writers, the reader and the hasher all work from these definitions, so they
/// cannot disagree about names, types or order.
/// </summary>
internal abstract class TraceColumn<TRow>
{
    /// <summary>The Parquet field: snake_case name, physical type, never nullable.</summary>
    public abstract DataField Field { get; }

    public string Name => Field.Name;

    /// <summary>Writes this column of <paramref name="rows"/> as the next column of the row group.</summary>
    public abstract Task WriteAsync(ParquetRowGroupWriter rowGroup, IReadOnlyList<TRow> rows, CancellationToken ct);

    /// <summary>Allocates the array that <see cref="ReadAsync"/> fills and <see cref="RowView"/> reads.</summary>
    public abstract Array CreateValues(int rowCount);

    /// <summary>Reads this column of one row group into <paramref name="values"/>, starting at <paramref name="offset"/>.</summary>
    public abstract ValueTask ReadAsync(ParquetRowGroupReader rowGroup, DataField field, Array values, int offset, CancellationToken ct);

    /// <summary>The row's value as invariant-culture text that parses back to the same value.</summary>
    public abstract string Format(TRow row);

    /// <summary>Parses text written by <see cref="Format"/> into <paramref name="values"/>[<paramref name="index"/>].</summary>
    public abstract void ParseInto(string text, Array values, int index);

    /// <summary>Appends the row's value to the hash in its canonical encoding.</summary>
    public abstract void Hash(CanonicalHashWriter hash, TRow row);
}

/// <summary>A column whose values are <typeparamref name="TValue"/>; subclasses supply the type-specific encodings.</summary>
internal abstract class TraceColumn<TRow, TValue>(string name, Func<TRow, TValue> value) : TraceColumn<TRow>
{
    public override DataField Field { get; } = new DataField<TValue>(name, false);

    public override Task WriteAsync(ParquetRowGroupWriter rowGroup, IReadOnlyList<TRow> rows, CancellationToken ct)
    {
        var values = new TValue[rows.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = value(rows[i]);
        }

        return WriteAsync(rowGroup, values, ct);
    }

    public override Array CreateValues(int rowCount) => new TValue[rowCount];

    public override ValueTask ReadAsync(ParquetRowGroupReader rowGroup, DataField field, Array values, int offset, CancellationToken ct) =>
        ReadAsync(rowGroup, field, ((TValue[])values).AsMemory(offset, checked((int)rowGroup.RowCount)), ct);

    public override string Format(TRow row) => Format(value(row));

    public override void ParseInto(string text, Array values, int index) => ((TValue[])values)[index] = Parse(text);

    public override void Hash(CanonicalHashWriter hash, TRow row) => Hash(hash, value(row));

    protected abstract Task WriteAsync(ParquetRowGroupWriter rowGroup, TValue[] values, CancellationToken ct);

    protected abstract ValueTask ReadAsync(ParquetRowGroupReader rowGroup, DataField field, Memory<TValue> values, CancellationToken ct);

    protected abstract string Format(TValue value);

    /// <summary>The inverse of <see cref="Format(TValue)"/>; throws <see cref="FormatException"/> on anything else.</summary>
    protected abstract TValue Parse(string text);

    protected abstract void Hash(CanonicalHashWriter hash, TValue value);
}
