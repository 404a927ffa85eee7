using System.Globalization;
using MarketSim.Engine.Metrics;
using MarketSim.Engine.Traces;

namespace MarketSim.Engine.Sweeps;

/// <summary>
/// The columns of <c>sweep.parquet</c>, one row per run: the swept values (DOUBLE when every value
/// is a number, else STRING; named by their path), where the run is, its summary, and the stylized
/// facts of each book. Book columns are plain (<c>max_drawdown</c>) when the runs have one book, and
/// prefixed with the book (<c>BTC@spot.max_drawdown</c>) when they have several. Documented in
/// <c>docs/analysis.md</c>.
/// </summary>
internal static class SweepTable
{
    public const string Name = "sweep";

    public static TraceTable<SweepRow> Create(SweepGrid grid, IReadOnlyList<SweepRow> rows)
    {
        var table = new TraceTable<SweepRow>(
            Name,
            Comparer<SweepRow>.Create((a, b) => (a.Run.Point, a.Run.Replica).CompareTo((b.Run.Point, b.Run.Replica))));

        AddAxes(table, grid, row => row.Run.Point);
        table.Add("point", row => row.Run.Point);
        table.Add("replica", row => row.Run.Replica);
        table.Add("seed", row => row.Run.Seed);
        table.Add("run", row => row.Run.Folder);
        table.Add("price", row => (row.Facts.FirstOrDefault()?.Price ?? ReturnPrice.Mid).ToString().ToLowerInvariant());
        table.Add("ticks", row => row.Summary.Ticks);
        table.Add("stop_notional", row => row.Summary.StopNotional);
        table.Add("margin_liquidated_notional", row => row.Summary.MarginLiquidatedNotional);
        table.Add("cascade_ticks", row => row.Summary.CascadeTicks);
        table.Add("max_cascade_rounds", row => row.Summary.MaxCascadeRounds);
        table.Add("conservation_violations", row => row.Summary.ConservationViolations);
        table.Add("trace_hash", row => row.Summary.TraceHash);

        var books = rows.SelectMany(row => row.Facts.Select(book => (book.Venue, book.Instrument))).Distinct().ToArray();
        foreach (var (venue, instrument) in books)
        {
            AddBookColumns(table, books.Length == 1 ? "" : $"{instrument}@{venue}.", venue, instrument);
        }

        return table;
    }

    /// <summary>One column per swept path: the value at the row's grid point, DOUBLE when every value is a number, else STRING.</summary>
    public static void AddAxes<TRow>(TraceTable<TRow> table, SweepGrid grid, Func<TRow, int> pointOf)
    {
        for (var i = 0; i < grid.Axes.Count; i++)
        {
            var axis = i;
            if (grid.Axes[axis].IsNumeric)
            {
                table.Add(grid.Axes[axis].Path, row => double.Parse(grid.ValuesAt(pointOf(row))[axis], NumberStyles.Float, CultureInfo.InvariantCulture));
            }
            else
            {
                table.Add(grid.Axes[axis].Path, row => grid.ValuesAt(pointOf(row))[axis]);
            }
        }
    }

    private static void AddBookColumns(TraceTable<SweepRow> table, string prefix, string venue, string instrument)
    {
        // A run without the book (a grid that changes the venues) gets NaN rather than failing the table.
        double Book(SweepRow row, Func<BookSummary, double> value) => row.Book(venue, instrument) is { } book ? value(book) : double.NaN;
        double Facts(SweepRow row, Func<ReturnFacts, double> value) => row.FactsOf(venue, instrument) is { } facts ? value(facts) : double.NaN;

        table.Add($"{prefix}initial_price", row => Book(row, book => book.InitialPrice));
        table.Add($"{prefix}final_price", row => Book(row, book => book.FinalPrice));
        table.Add($"{prefix}max_drawdown", row => Book(row, book => book.MaxDrawdown));
        table.Add($"{prefix}volume", row => Book(row, book => book.Volume));
        table.Add($"{prefix}returns", row => row.FactsOf(venue, instrument)?.Returns ?? 0);
        table.Add($"{prefix}return_std", row => Facts(row, facts => facts.StandardDeviation));
        table.Add($"{prefix}excess_kurtosis", row => Facts(row, facts => facts.ExcessKurtosis));
        table.Add($"{prefix}hill_alpha", row => Facts(row, facts => facts.HillAlpha));
        table.Add($"{prefix}hill_k", row => row.FactsOf(venue, instrument)?.HillK ?? 0);
        table.Add($"{prefix}excess_kurtosis_{StylizedFacts.AggregationHorizon}", row => Facts(row, facts => facts.AggregatedExcessKurtosis));
        foreach (var lag in StylizedFacts.Lags)
        {
            table.Add($"{prefix}return_acf_{lag}", row => Facts(row, facts => facts.ReturnAutocorrelationAt(lag)));
            table.Add($"{prefix}abs_return_acf_{lag}", row => Facts(row, facts => facts.AbsoluteReturnAutocorrelationAt(lag)));
        }

        double BookFact(SweepRow row, Func<BookFacts, double> value) => row.BookFactsOf(venue, instrument) is { } book ? value(book) : double.NaN;
        table.Add($"{prefix}close_return_acf_1", row => BookFact(row, book => book.CloseReturnAutocorrelation1));
        table.Add($"{prefix}mid_return_acf_1", row => BookFact(row, book => book.MidReturnAutocorrelation1));
        foreach (var lag in StylizedFacts.Lags)
        {
            table.Add($"{prefix}order_sign_acf_{lag}", row => BookFact(row, book => book.OrderSignAutocorrelationAt(lag)));
        }
    }
}
