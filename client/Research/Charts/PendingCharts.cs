using MarketSim.Engine.Traces;

namespace MarketSim.Client.Research.Charts;

/// <summary>
/// Charts of metrics the design calls for but the engine does not write yet: per-class cost basis. Each names the table and columns it
/// needs; until a trace has them, <c>plot</c> says what is missing rather than drawing an empty chart.
/// </summary>
internal static class PendingCharts
{
    private static readonly (string Chart, string Table, string[] Columns)[] Needs =
    [
        ("cost basis by participant class", "cost_basis", ["participant_class", "mean_cost"]),
    ];

    /// <summary>One line per pending chart saying why it was skipped.</summary>
    public static async Task<IReadOnlyList<string>> SkippedAsync(string runDirectory, CancellationToken ct)
    {
        var notes = new List<string>();
        foreach (var (chart, table, columns) in Needs)
        {
            var present = await TraceReader.ReadColumnNamesAsync(runDirectory, table, ct);
            var missing = columns.Except(present ?? []).ToArray();
            notes.Add(present is null ? $"skipped {chart}: the trace has no {table} table (the engine does not model it yet)"
                : missing.Length > 0 ? $"skipped {chart}: the {table} table has no {string.Join(" or ", missing)} column (the engine does not model it yet)"
                : $"skipped {chart}: the trace has its data, but this version of marketsim does not chart it yet");
        }

        return notes;
    }
}
