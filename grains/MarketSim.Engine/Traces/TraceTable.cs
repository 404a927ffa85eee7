using System.Collections;
using Parquet.Schema;

namespace MarketSim.Engine.Traces;

/// <summary>
/// The schema of one trace table: its name, its columns in file order, the key that orders its rows
/// for hashing, and how to rebuild a row from its columns. Columns are declared with a collection
/// initializer, one <c>{ "name", row =&gt; row.Property }</c> per column; the lambda's type picks the column kind.
/// </summary>
/// <remarks>A table that is only ever written (such as the sweep table) passes no row factory.</remarks>
internal sealed class TraceTable<TRow>(string name, IComparer<TRow> keyOrder, Func<RowView, TRow>? create = null) : IEnumerable<TraceColumn<TRow>>
{
    private readonly List<TraceColumn<TRow>> _columns = [];

    /// <summary>The table name, which is also the file name without its extension.</summary>
    public string Name { get; } = name;

    public IReadOnlyList<TraceColumn<TRow>> Columns => _columns;

    /// <summary>Orders rows by their key (tick first), so that the hash does not depend on insertion order.</summary>
    public IComparer<TRow> KeyOrder { get; } = keyOrder;

    public ParquetSchema ParquetSchema => new(_columns.Select(column => column.Field));

    /// <summary>Rebuilds <paramref name="rowCount"/> rows from columns read from a file, keyed by column name.</summary>
    public List<TRow> CreateRows(IReadOnlyDictionary<string, Array> columns, int rowCount)
    {
        var factory = create ?? throw new NotSupportedException($"table '{Name}' is written, never read back");
        var rows = new List<TRow>(rowCount);
        for (var i = 0; i < rowCount; i++)
        {
            rows.Add(factory(new RowView(columns, i)));
        }

        return rows;
    }

    public void Add(string column, Func<TRow, long> value) => _columns.Add(new Int64Column<TRow>(column, value));

    public void Add(string column, Func<TRow, int> value) => _columns.Add(new Int32Column<TRow>(column, value));

    public void Add(string column, Func<TRow, double> value) => _columns.Add(new DoubleColumn<TRow>(column, value));

    public void Add(string column, Func<TRow, string> value) => _columns.Add(new StringColumn<TRow>(column, value));

    public IEnumerator<TraceColumn<TRow>> GetEnumerator() => _columns.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
