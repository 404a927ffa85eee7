using System.Globalization;
using MarketSim.Engine.Metrics;
using MarketSim.Engine.Sweeps;
using MathNet.Numerics.Statistics;
using Spectre.Console;

namespace MarketSim.Client.Display;

/// <summary>
/// The end-of-sweep table: per grid point (and book, when there are several), medians over its replicas, the
/// stylized facts with their 95% bootstrap intervals as in <c>sweep_points</c>. Medians, because one replica that
/// crashes can move a mean of a tail index by orders of magnitude.
/// </summary>
internal static class SweepSummaryView
{
    public static void Print(SweepPlan plan, IReadOnlyList<SweepRow> rows, string tablePath)
    {
        var books = rows.SelectMany(row => row.Facts.Select(book => (book.Venue, book.Instrument))).Distinct().ToArray();
        var intervals = SweepPointFact.Of(rows).ToLookup(fact => (fact.Point, fact.Venue, fact.Instrument));
        var table = new Table().Title(Markup.Escape($"sweep {plan.Id}: medians over replicas [95% bootstrap interval]"));
        foreach (var axis in plan.Grid.Axes)
        {
            table.AddColumn(Markup.Escape(axis.Path));
        }

        if (books.Length > 1)
        {
            table.AddColumn("book");
        }

        table.AddColumns(["runs", "max drawdown", .. HeadlineFacts.All.Select(fact => Markup.Escape(fact.Label)), "forced notional"]);
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
                cells.Add(point.Count().ToString("N0", CultureInfo.InvariantCulture));
                cells.Add(Median(row => row.Book(venue, instrument)?.MaxDrawdown).ToString("P1", CultureInfo.InvariantCulture));
                cells.AddRange(intervals[(point.Key, venue, instrument)].Select(fact => WithInterval(fact.Interval)));
                cells.Add(Median(row => row.Summary.StopNotional + row.Summary.MarginLiquidatedNotional).ToString("N0", CultureInfo.InvariantCulture));
                table.AddRow([.. cells.Select(cell => Markup.Escape(cell.Contains("NaN", StringComparison.Ordinal) ? "n/a" : cell))]);
            }
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"sweep table       {tablePath} ({rows.Count} of {plan.Runs.Count} runs; per-point medians and intervals in {Path.Combine(Path.GetDirectoryName(tablePath) ?? ".", "sweep_points" + Path.GetExtension(tablePath))})");
    }

    private static string WithInterval(MedianInterval interval) =>
        double.IsFinite(interval.Median)
            ? string.Create(CultureInfo.InvariantCulture, $"{interval.Median:F2} [{interval.Low:F2}, {interval.High:F2}]")
            : "n/a";
}
