using MarketSim.Engine.Traces;

namespace MarketSim.Engine.Metrics;

/// <summary>
/// The stylized facts of one order book at the trace's resolution (one return per tick): of its log returns on
/// <see cref="Price"/>, the bounce check (lag-1 autocorrelation of close and of mid returns side by side) and the
/// autocorrelation of its order signs.
/// </summary>
public sealed record BookFacts(string Venue, string Instrument, ReturnFacts Facts)
{
    /// <summary>The price the returns of <see cref="Facts"/> are taken on.</summary>
    public ReturnPrice Price { get; init; } = ReturnPrice.Close;

    /// <summary>
    /// Lag-1 autocorrelation of close returns. Trades that alternate between bid and ask make it strongly negative
    /// while the mid does not move (bid-ask bounce, Roll 1984): compare with <see cref="MidReturnAutocorrelation1"/>.
    /// </summary>
    public double CloseReturnAutocorrelation1 { get; init; } = double.NaN;

    /// <summary>Lag-1 autocorrelation of mid returns.</summary>
    public double MidReturnAutocorrelation1 { get; init; } = double.NaN;

    /// <summary>Ticks with a sign in the order-sign series (those with net taker volume).</summary>
    public int OrderSigns { get; init; }

    /// <summary>Autocorrelation of the order-sign series (<see cref="StylizedFacts.OrderSigns"/>) at <see cref="StylizedFacts.Lags"/>.</summary>
    public IReadOnlyList<LagCorrelation> OrderSignAutocorrelation { get; init; } = [];

    /// <summary>The autocorrelation of order signs at <paramref name="lag"/>, NaN if it was not computed.</summary>
    public double OrderSignAutocorrelationAt(int lag) =>
        OrderSignAutocorrelation.Where(c => c.Lag == lag).Select(c => c.Value).DefaultIfEmpty(double.NaN).First();

    /// <summary>The facts of every book in <paramref name="market"/>, returns on <paramref name="price"/>, in the order books first appear.</summary>
    public static IReadOnlyList<BookFacts> Of(IEnumerable<MarketRow> market, ReturnPrice price = ReturnPrice.Mid)
    {
        ArgumentNullException.ThrowIfNull(market);

        return [.. market.GroupBy(row => (row.Venue, row.Instrument)).Select(book => Of(book.Key.Venue, book.Key.Instrument, [.. book.OrderBy(row => row.Tick)], price))];
    }

    private static BookFacts Of(string venue, string instrument, MarketRow[] rows, ReturnPrice price)
    {
        var closeReturns = StylizedFacts.LogReturns([.. rows.Select(row => row.Close)]);
        var midReturns = StylizedFacts.LogReturns([.. rows.Select(row => row.Mid)]);
        var signs = StylizedFacts.OrderSigns([.. rows.Select(row => row.TakerNet)]);
        return new BookFacts(venue, instrument, StylizedFacts.Of(price == ReturnPrice.Mid ? midReturns : closeReturns))
        {
            Price = price,
            CloseReturnAutocorrelation1 = StylizedFacts.Autocorrelation(closeReturns, 1),
            MidReturnAutocorrelation1 = StylizedFacts.Autocorrelation(midReturns, 1),
            OrderSigns = signs.Length,
            OrderSignAutocorrelation = [.. StylizedFacts.Lags.Select(lag => new LagCorrelation(lag, StylizedFacts.Autocorrelation(signs, lag)))],
        };
    }
}
