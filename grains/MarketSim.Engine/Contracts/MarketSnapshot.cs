namespace MarketSim.Engine.Contracts;

/// <summary>What every participant sees at the start of a tick: the same for all, whoever hosts them.</summary>
/// <param name="Tick">The tick about to be decided.</param>
/// <param name="Books">One quote per book, indexed like <c>MarketLayout.Books</c>.</param>
/// <param name="MarginAccounts">Every margin account as the previous tick closed it.</param>
public sealed record MarketSnapshot(long Tick, IReadOnlyList<BookQuote> Books, IReadOnlyList<MarginView> MarginAccounts)
{
    /// <summary>The event timeline's shift in retail buy probability this tick.</summary>
    public double Sentiment { get; init; }

    /// <summary>Exogenous cash arriving this tick, for the participants named.</summary>
    public IReadOnlyList<ExogenousFlow> Flows { get; init; } = [];

    /// <summary>The exogenous cash for <paramref name="owner"/> this tick (0 when none).</summary>
    public long FlowFor(long owner) => Flows.Where(f => f.Owner == owner).Sum(f => f.Cash);

    public MarginView? MarginAccount(long owner) => MarginAccounts.FirstOrDefault(m => m.Owner == owner);
}

/// <summary>
/// One book at the close of the previous tick. <see cref="Closes"/> holds the most recent closes,
/// oldest first, the last being the previous tick's close (all in ticks).
/// </summary>
public sealed record BookQuote(int Book, long Last, long BestBid, long BestAsk, long[] Closes)
{
    /// <summary>
    /// Mid price in whole ticks: the midpoint of the quotes when both exist, else the last trade. A midpoint on a
    /// half tick rounds to the even tick (banker's rounding), so half the half-ticks round up and half down: always
    /// rounding down made every price that re-centred on it drift down by up to half a tick a tick.
    /// </summary>
    public long Mid => MidOf(BestBid, BestAsk, Last);

    /// <summary><see cref="Mid"/> without rounding to a whole tick: what the market maker centres its quotes on.</summary>
    public double ExactMid => QuoteMidHalfTicks(BestBid, BestAsk) is { } half ? half / 2.0 : Last;

    /// <summary>The midpoint of a book's best quotes in half ticks (bid + ask, exact); null when a side is empty.</summary>
    public static long? QuoteMidHalfTicks(long bestBid, long bestAsk) => bestBid > 0 && bestAsk > 0 ? bestBid + bestAsk : null;

    /// <summary>The <see cref="Mid"/> rule for a live book (the venue's close reads it before a quote exists).</summary>
    public static long MidOf(long bestBid, long bestAsk, long last) => QuoteMidHalfTicks(bestBid, bestAsk) is { } half ? HalfToEven(half) : last;

    /// <summary>Half of <paramref name="halfTicks"/> (a positive sum of two prices), a half tick going to the even tick.</summary>
    public static long HalfToEven(long halfTicks)
    {
        var down = halfTicks / 2;
        return halfTicks % 2 != 0 && down % 2 != 0 ? down + 1 : down;
    }

    /// <summary>Simple return over the last <paramref name="lookback"/> ticks (0 before there is history).</summary>
    public double Return(int lookback)
    {
        var n = Closes.Length;
        if (n <= lookback || Closes[n - 1 - lookback] <= 0)
        {
            return 0;
        }

        return (Closes[n - 1] / (double)Closes[n - 1 - lookback]) - 1.0;
    }

    /// <summary>Standard deviation of the per-tick log returns over the last <paramref name="lookback"/> ticks.</summary>
    public double RealizedVolatility(int lookback) => Volatility(Closes.AsSpan(Math.Max(0, Closes.Length - 1 - lookback)));

    /// <summary>Sample standard deviation of the per-tick log returns of <paramref name="closes"/> (0 for fewer than 3 prices).</summary>
    public static double Volatility(ReadOnlySpan<long> closes)
    {
        if (closes.Length < 3)
        {
            return 0;
        }

        double sum = 0, sumSquares = 0;
        var count = closes.Length - 1;
        for (var i = 1; i < closes.Length; i++)
        {
            var r = Math.Log(closes[i] / (double)closes[i - 1]);
            sum += r;
            sumSquares += r * r;
        }

        var mean = sum / count;
        return Math.Sqrt(Math.Max(0, (sumSquares / count) - (mean * mean)) * count / (count - 1));
    }
}

/// <summary>A margin account as its venue reported it at the close of the previous tick.</summary>
public sealed record MarginView(int Venue, long Owner, int Instrument, long Cash, long Units);
