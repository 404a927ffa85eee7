namespace MarketSim.Engine.Traces;

/// <summary>
/// The content hash of a trace: equal for traces with equal rows, whatever file format or row
/// order they were written in, so two runs can be compared by their manifests alone.
/// </summary>
/// <remarks>
/// <para>The hash is the lowercase hex SHA-256 of this byte sequence:</para>
/// <code>
/// for table in [market, liquidations, flows, cost_basis, resonance, triggers, resting_levels]:
///     if the table is one of the last four and has no rows: skip it
///     str(table name) ‖ i64(row count)
///     for row in the table's rows, sorted by key:
///         for column in the table's columns, in schema order:
///             the value, encoded by column type
/// </code>
/// <list type="bullet">
/// <item><description><c>i64(x)</c>: 8 bytes, two's complement, little-endian. INT64 and INT32 columns both encode as <c>i64</c>.</description></item>
/// <item><description>DOUBLE columns: <c>i64</c> of the IEEE-754 binary64 bit pattern, after replacing -0.0 with 0.0
/// and every NaN with the bit pattern <c>0x7FF8000000000000</c>.</description></item>
/// <item><description><c>str(s)</c> and string columns: <c>i64</c>(number of UTF-8 bytes) followed by the UTF-8 bytes.</description></item>
/// <item><description>Keys: market and liquidations by (tick, venue, instrument); flows and cost_basis by (tick,
/// participant_class, instrument); resonance by (tick, instrument); triggers and resting_levels by (tick, venue, instrument, level). Strings compare ordinally (by UTF-16 code unit). Rows with equal keys, which the engine never
/// produces, keep their trace order.</description></item>
/// </list>
/// <para>Table names, column names and column order are those of <c>docs/trace-schema.md</c>, which also has a Python
/// implementation.</para>
/// </remarks>
public static class TraceHasher
{
    public static string Hash(Trace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);

        using var hash = new CanonicalHashWriter();
        Append(hash, TraceTables.Market, trace.Market);
        Append(hash, TraceTables.Liquidations, trace.Liquidations);
        Append(hash, TraceTables.Flows, trace.Flows);

        // Tables added later count only when they have rows, so traces written before they existed keep their hash.
        AppendIfAny(hash, TraceTables.CostBasis, trace.CostBasis);
        AppendIfAny(hash, TraceTables.Resonance, trace.Resonance);
        AppendIfAny(hash, TraceTables.Triggers, trace.Triggers);
        AppendIfAny(hash, TraceTables.RestingLevels, trace.RestingLevels);
        return hash.Finish();
    }

    private static void AppendIfAny<TRow>(CanonicalHashWriter hash, TraceTable<TRow> table, IReadOnlyList<TRow> rows)
    {
        if (rows.Count > 0)
        {
            Append(hash, table, rows);
        }
    }

    private static void Append<TRow>(CanonicalHashWriter hash, TraceTable<TRow> table, IReadOnlyList<TRow> rows)
    {
        hash.WriteString(table.Name);
        hash.WriteInt64(rows.Count);

        // Order is a stable sort, so equal keys keep their trace order.
        var columns = table.Columns;
        foreach (var row in rows.Order(table.KeyOrder))
        {
            for (var i = 0; i < columns.Count; i++)
            {
                columns[i].Hash(hash, row);
            }
        }
    }
}
