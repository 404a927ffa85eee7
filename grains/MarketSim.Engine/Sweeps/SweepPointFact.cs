using MarketSim.Engine.Metrics;

namespace MarketSim.Engine.Sweeps;

/// <summary>
/// One headline fact of one book at one grid point, over the point's replicas: the median with its 95%
/// percentile-bootstrap interval. <see cref="FactIndex"/> is the fact's place in <see cref="HeadlineFacts.All"/>.
/// </summary>
public sealed record SweepPointFact(int Point, string Venue, string Instrument, int FactIndex, MedianInterval Interval)
{
    public HeadlineFact Fact => HeadlineFacts.All[FactIndex];

    /// <summary>
    /// Every (point, book, fact) of <paramref name="rows"/>, in point, book and fact order. The resampling seed is
    /// the grid point, the same for every fact of a point (replicas are resampled together), so the table is the
    /// same every time it is rebuilt from the same runs.
    /// </summary>
    public static IReadOnlyList<SweepPointFact> Of(IReadOnlyList<SweepRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);

        var books = rows.SelectMany(row => row.Facts.Select(book => (book.Venue, book.Instrument))).Distinct().ToArray();
        return
        [
            .. from point in rows.GroupBy(row => row.Run.Point).OrderBy(point => point.Key)
               from book in books
               from fact in Enumerable.Range(0, HeadlineFacts.All.Count)
               select new SweepPointFact(
                   point.Key,
                   book.Venue,
                   book.Instrument,
                   fact,
                   MedianInterval.Of(
                       point.OrderBy(row => row.Run.Replica).Select(row => row.BookFactsOf(book.Venue, book.Instrument) is { } facts ? HeadlineFacts.All[fact].Value(facts) : double.NaN),
                       seed: point.Key)),
        ];
    }
}
