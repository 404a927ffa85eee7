namespace MarketSim.Engine.Traces;

/// <summary>
/// One row of a table that was read column by column: what a <see cref="TraceTable{TRow}"/> turns
/// back into a row record. Values are looked up by column name, so a row factory does not depend
/// on column order.
/// </summary>
internal readonly struct RowView(IReadOnlyDictionary<string, Array> columns, int index)
{
    public long Int64(string column) => Values<long>(column)[index];

    public int Int32(string column) => Values<int>(column)[index];

    public double Double(string column) => Values<double>(column)[index];

    public string String(string column) => Values<string>(column)[index];

    private T[] Values<T>(string column) => (T[])columns[column];
}
