namespace MarketSim.Engine.Contracts;

/// <summary>The prices one book traded at in one clearing round (0s when it did not trade).</summary>
public sealed record BookRound(int Book, long Low, long High, long Last, long Trades);

/// <summary>What one venue's clearing round produced, as the coordinator needs it.</summary>
public sealed record ClearReport(int Venue, IReadOnlyList<BookRound> Books, int LiquidationsQueued, int OrdersProcessed);

/// <summary>
/// The merged result of one clearing round across venues: the price range of every book (for stop
/// checks) and whether venues have forced orders waiting for another round. In the
/// <see cref="Final"/> round of a tick participants apply their fills but send no forced orders:
/// an order sent then would outlive the tick and meet the next tick's decisions. Stops still
/// armed fire in the next tick if the price stays through them.
/// </summary>
public sealed record RoundOutcome(int Round, BookRound[] Books, int LiquidationsQueued, int OrdersProcessed, bool Final)
{
    public static RoundOutcome Merge(int round, bool final, int bookCount, IEnumerable<ClearReport> reports)
    {
        var books = new BookRound[bookCount];
        int queued = 0, processed = 0;
        foreach (var report in reports)
        {
            foreach (var book in report.Books)
            {
                books[book.Book] = book;
            }

            queued += report.LiquidationsQueued;
            processed += report.OrdersProcessed;
        }

        return new RoundOutcome(round, books, queued, processed, final);
    }
}
