using MarketSim.Engine.Traces;

namespace MarketSim.Engine.Metrics;

/// <summary>The stylized facts of one order book's log returns, close to close, at the trace's resolution (one return per tick).</summary>
public sealed record BookFacts(string Venue, string Instrument, ReturnFacts Facts)
{
    /// <summary>The facts of every book in <paramref name="market"/>, in the order books first appear.</summary>
    public static IReadOnlyList<BookFacts> Of(IEnumerable<MarketRow> market)
    {
        ArgumentNullException.ThrowIfNull(market);

        return
        [
            .. market
                .GroupBy(row => (row.Venue, row.Instrument))
                .Select(book => new BookFacts(
                    book.Key.Venue,
                    book.Key.Instrument,
                    StylizedFacts.Of(StylizedFacts.LogReturns([.. book.OrderBy(row => row.Tick).Select(row => row.Close)])))),
        ];
    }
}
