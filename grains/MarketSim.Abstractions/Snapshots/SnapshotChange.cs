using MarketSim.Engine.Contracts;

namespace MarketSim.Abstractions.Snapshots;

/// <summary>
/// What changed in the market snapshot since the one a participant already has: per book the new quotes
/// and the close that joins its window (the window itself only when it is not the old one moved on by a
/// tick), the margin accounts that differ, and this tick's sentiment and flows. The decide phase sends this
/// down the fan-out tree instead of every book's whole close history and every margin account; each
/// participant grain keeps the previous snapshot and rebuilds the full one with <see cref="ApplyTo"/>, equal
/// to the coordinator's. A change with <see cref="BaseTick"/> −1 needs no previous snapshot: what a fresh
/// coordinator sends first, also after a recovery.
/// </summary>
/// <param name="BaseTick">The tick of the snapshot this change applies to; −1 when it stands alone.</param>
/// <param name="Tick">The tick about to be decided.</param>
/// <param name="Sentiment">The event timeline's shift in retail buy probability this tick.</param>
/// <param name="Flows">Exogenous cash arriving this tick.</param>
/// <param name="Books">One entry per book, indexed like <c>MarketLayout.Books</c>.</param>
/// <param name="MarginCount">How many margin accounts the snapshot lists.</param>
/// <param name="Margin">The margin accounts whose entry differs from the previous snapshot's at the same position.</param>
[GenerateSerializer, Immutable, Alias("MarketSim.SnapshotChange")]
public sealed record SnapshotChange(
    [property: Id(0)] long BaseTick,
    [property: Id(1)] long Tick,
    [property: Id(2)] double Sentiment,
    [property: Id(3)] ExogenousFlow[] Flows,
    [property: Id(4)] BookChange[] Books,
    [property: Id(5)] int MarginCount,
    [property: Id(6)] MarginChange[] Margin)
{
    /// <summary>True when the change carries the whole snapshot.</summary>
    public bool StandsAlone => BaseTick < 0;

    /// <summary>The change from <paramref name="previous"/> (null: none, so the whole snapshot) to <paramref name="next"/>.</summary>
    public static SnapshotChange Between(MarketSnapshot? previous, MarketSnapshot next)
    {
        var books = new BookChange[next.Books.Count];
        for (var i = 0; i < books.Length; i++)
        {
            var quote = next.Books[i];
            var closes = quote.Closes;
            var moved = previous is not null && MovedOnByOne(previous.Books[i].Closes, closes);
            books[i] = new BookChange(quote.Book, quote.Last, quote.BestBid, quote.BestAsk, closes[^1], moved ? null : closes);
        }

        var margin = new List<MarginChange>();
        for (var i = 0; i < next.MarginAccounts.Count; i++)
        {
            if (previous is null || i >= previous.MarginAccounts.Count || previous.MarginAccounts[i] != next.MarginAccounts[i])
            {
                margin.Add(new MarginChange(i, next.MarginAccounts[i]));
            }
        }

        return new SnapshotChange(previous?.Tick ?? -1, next.Tick, next.Sentiment, [.. next.Flows], books, next.MarginAccounts.Count, [.. margin]);
    }

    /// <summary>The full snapshot: <paramref name="previous"/> with this change applied.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="previous"/> is not the snapshot this change was made against.</exception>
    public MarketSnapshot ApplyTo(MarketSnapshot? previous)
    {
        if (!StandsAlone && previous?.Tick != BaseTick)
        {
            throw new InvalidOperationException($"the snapshot change for tick {Tick} applies to tick {BaseTick}'s snapshot, not to {(previous is null ? "none" : $"tick {previous.Tick}'s")}");
        }

        var books = new BookQuote[Books.Length];
        for (var i = 0; i < books.Length; i++)
        {
            var b = Books[i];
            books[i] = new BookQuote(b.Book, b.Last, b.BestBid, b.BestAsk, b.Closes ?? MoveOn(previous!.Books[i].Closes, b.Close));
        }

        var margin = new MarginView[MarginCount];
        for (var i = 0; i < margin.Length && i < (previous?.MarginAccounts.Count ?? 0); i++)
        {
            margin[i] = previous!.MarginAccounts[i];
        }

        foreach (var change in Margin)
        {
            margin[change.Index] = change.Account;
        }

        return new MarketSnapshot(Tick, books, margin) { Sentiment = Sentiment, Flows = Flows };
    }

    /// <summary>Whether <paramref name="next"/> is <paramref name="previous"/> without its oldest close and with one new close.</summary>
    private static bool MovedOnByOne(long[] previous, long[] next) =>
        previous.Length == next.Length && next.Length > 0 && previous.AsSpan(1).SequenceEqual(next.AsSpan(0, next.Length - 1));

    private static long[] MoveOn(long[] previous, long close)
    {
        var closes = new long[previous.Length];
        Array.Copy(previous, 1, closes, 0, previous.Length - 1);
        closes[^1] = close;
        return closes;
    }
}

/// <summary>
/// One book in a <see cref="SnapshotChange"/>: its quotes at the close and the close that joins its window;
/// <see cref="Closes"/> is the whole window when the receiver cannot build it from its own.
/// </summary>
[GenerateSerializer, Immutable, Alias("MarketSim.BookChange")]
public sealed record BookChange(
    [property: Id(0)] int Book,
    [property: Id(1)] long Last,
    [property: Id(2)] long BestBid,
    [property: Id(3)] long BestAsk,
    [property: Id(4)] long Close,
    [property: Id(5)] long[]? Closes);

/// <summary>A margin account at position <see cref="Index"/> of the snapshot's ordered list.</summary>
[GenerateSerializer, Immutable, Alias("MarketSim.MarginChange")]
public sealed record MarginChange([property: Id(0)] int Index, [property: Id(1)] MarginView Account);
