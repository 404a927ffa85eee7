using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace MarketSim.Engine.Traces;

/// <summary>An INT64 column.</summary>
internal sealed class Int64Column<TRow>(string name, Func<TRow, long> value) : TraceColumn<TRow, long>(name, value)
{
    protected override Task WriteAsync(ParquetRowGroupWriter rowGroup, long[] values, CancellationToken ct) =>
        rowGroup.WriteAsync<long>(Field, values, cancellationToken: ct);

    protected override ValueTask ReadAsync(ParquetRowGroupReader rowGroup, DataField field, Memory<long> values, CancellationToken ct) =>
        rowGroup.ReadAsync(field, values, cancellationToken: ct);

    protected override string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    protected override long Parse(string text) => long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    protected override void Hash(CanonicalHashWriter hash, long value) => hash.WriteInt64(value);
}

/// <summary>An INT32 column. It hashes as an INT64, so widening a column later does not change trace hashes.</summary>
internal sealed class Int32Column<TRow>(string name, Func<TRow, int> value) : TraceColumn<TRow, int>(name, value)
{
    protected override Task WriteAsync(ParquetRowGroupWriter rowGroup, int[] values, CancellationToken ct) =>
        rowGroup.WriteAsync<int>(Field, values, cancellationToken: ct);

    protected override ValueTask ReadAsync(ParquetRowGroupReader rowGroup, DataField field, Memory<int> values, CancellationToken ct) =>
        rowGroup.ReadAsync(field, values, cancellationToken: ct);

    protected override string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    protected override int Parse(string text) => int.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    protected override void Hash(CanonicalHashWriter hash, int value) => hash.WriteInt64(value);
}

/// <summary>A DOUBLE column.</summary>
internal sealed class DoubleColumn<TRow>(string name, Func<TRow, double> value) : TraceColumn<TRow, double>(name, value)
{
    protected override Task WriteAsync(ParquetRowGroupWriter rowGroup, double[] values, CancellationToken ct) =>
        rowGroup.WriteAsync<double>(Field, values, cancellationToken: ct);

    protected override ValueTask ReadAsync(ParquetRowGroupReader rowGroup, DataField field, Memory<double> values, CancellationToken ct) =>
        rowGroup.ReadAsync(field, values, cancellationToken: ct);

    protected override string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    // NumberStyles.Float with the invariant culture also reads "NaN", "Infinity" and "-Infinity", as Format writes them.
    protected override double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    protected override void Hash(CanonicalHashWriter hash, double value) => hash.WriteDouble(value);
}

/// <summary>A UTF-8 string column.</summary>
internal sealed class StringColumn<TRow>(string name, Func<TRow, string> value) : TraceColumn<TRow, string>(name, value)
{
    protected override Task WriteAsync(ParquetRowGroupWriter rowGroup, string[] values, CancellationToken ct) =>
        rowGroup.WriteAsync(Field, values);

    // The field is required (checked by the reader), so Parquet.Net never puts a null into the buffer.
    protected override ValueTask ReadAsync(ParquetRowGroupReader rowGroup, DataField field, Memory<string> values, CancellationToken ct) =>
        rowGroup.ReadAsync(field, values!, cancellationToken: ct);

    protected override string Format(string value) => value;

    protected override string Parse(string text) => text;

    protected override void Hash(CanonicalHashWriter hash, string value) => hash.WriteString(value);
}
