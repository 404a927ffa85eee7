using MathNet.Numerics.Statistics;
using MarketSim.Engine.Sweeps;
using Spectre.Console;

namespace MarketSim.Client.Display;

/// <summary>
/// The end-of-sweep table: per grid point (and book, when there are several), medians over its
/// replicas. Medians, because one replica that crashes can move a mean of a tail index by orders of magnitude.
/// </summary>
internal static class SweepSummaryView
{
    public static void Print(SweepPlan plan, IReadOnlyList<SweepRow> rows, string tablePath)
    {
        var books = rows.SelectMany(row => row.Facts.Select(book => (book.Venue, book.Instrument))).Distinct().ToArray();
        var table = new Table().Title(Markup.Escape($"sweep {plan.Id}: medians over replicas"));
        foreach (var axis in plan.Grid.Axes)
        {
            table.AddColumn(Markup.Escape(axis.Path));
        }

        if (books.Length > 1)
        {
            table.AddColumn("book");
        }

        table.AddColumns("runs", "max drawdown", "excess kurtosis", "Hill α", "acf r(1)", "acf |r|(1)", "acf |r|(10)", "forced notional");
        foreach (var point in rows.GroupBy(row => row.Run.Point).OrderBy(point => point.Key))
        {
            foreach (var (venue, instrument) in books)
            {
                var cells = new List<string>(plan.Grid.ValuesAt(point.Key));
                if (books.Length > 1)
                {
                    cells.Add($"{instrument}@{venue}");
                }

                // Replicas too short or flat for a statistic give NaN; take the median of the ones that have it.
                double Median(Func<SweepRow, double?> value) => point.Select(value).OfType<double>().Where(double.IsFinite).Median();
                cells.Add(point.Count().ToString("N0"));
                cells.Add(Median(row => row.Book(venue, instrument)?.MaxDrawdown).ToString("P1"));
                cells.Add(Median(row => row.FactsOf(venue, instrument)?.ExcessKurtosis).ToString("F2"));
                cells.Add(Median(row => row.FactsOf(venue, instrument)?.HillAlpha).ToString("F2"));
                cells.Add(Median(row => row.FactsOf(venue, instrument)?.ReturnAutocorrelationAt(1)).ToString("F3"));
                cells.Add(Median(row => row.FactsOf(venue, instrument)?.AbsoluteReturnAutocorrelationAt(1)).ToString("F3"));
                cells.Add(Median(row => row.FactsOf(venue, instrument)?.AbsoluteReturnAutocorrelationAt(10)).ToString("F3"));
                cells.Add(Median(row => row.Summary.StopNotional + row.Summary.MarginLiquidatedNotional).ToString("N0"));
                table.AddRow([.. cells.Select(cell => Markup.Escape(cell == "NaN" ? "n/a" : cell))]);
            }
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"sweep table       {tablePath} ({rows.Count} of {plan.Runs.Count} runs)");
    }
}
