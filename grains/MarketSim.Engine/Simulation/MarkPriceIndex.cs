using MarketSim.Engine.Checkpoints;
using MarketSim.Engine.Contracts;

namespace MarketSim.Engine.Simulation;

/// <summary>
/// The index behind each marked book's mark price (a venue's <c>markPrice</c>): once a tick, the weighted mean of
/// its source venues' exact mids at the previous close, I_t = Σ w_v mid_v / Σ w_v, smoothed as
/// E_t = E_{t−1} + α (I_t − E_{t−1}) with α = 2 / (emaTicks + 1) (α = 1 without an EMA). The coordinator computes it
/// from the snapshot every host shares and hands it to the venues with each clearing round; the venue clamps its
/// own last trade to it (<c>Venue</c>), so a wick on one venue does not liquidate everyone.
/// </summary>
public sealed class MarkPriceIndex : ICheckpointable
{
    private readonly Marked[] _marked;
    private readonly double[] _ema;
    private readonly int _books;

    public MarkPriceIndex(MarketLayout layout)
    {
        _books = layout.Books.Count;
        _marked = [.. layout.Books
            .Where(book => layout.Scenario.Venues[book.Venue].MarkPrice is not null)
            .Select(book =>
            {
                var spec = layout.Scenario.Venues[book.Venue].MarkPrice!;
                var sources = spec.Sources
                    .Select(s => (Book: layout.Books.FirstOrDefault(b => b.Venue == layout.VenueIndex(s.Venue) && b.Instrument == book.Instrument), s.Weight))
                    .Where(s => s.Book is not null)
                    .Select(s => (s.Book!.Index, s.Weight))
                    .ToArray();
                return new Marked(book.Index, sources, 2.0 / (Math.Max(1, spec.EmaTicks) + 1));
            })
            .Where(m => m.Sources.Length > 0)];
        _ema = new double[_marked.Length];
    }

    /// <summary>Whether any book has a mark price.</summary>
    public bool IsOn => _marked.Length > 0;

    /// <summary>Advances the index by one tick on <paramref name="snapshot"/>: per book, the index in whole ticks (0 = no mark price).</summary>
    public long[] Next(MarketSnapshot snapshot)
    {
        var marks = new long[_books];
        for (var i = 0; i < _marked.Length; i++)
        {
            var (book, sources, alpha) = _marked[i];
            double weighted = 0, weights = 0;
            foreach (var (source, weight) in sources)
            {
                weighted += weight * snapshot.Books[source].ExactMid;
                weights += weight;
            }

            var index = weighted / weights;
            _ema[i] = _ema[i] == 0 ? index : _ema[i] + (alpha * (index - _ema[i]));
            marks[book] = Math.Max(1, (long)Math.Round(_ema[i], MidpointRounding.ToEven));
        }

        return marks;
    }

    public void Save(CheckpointWriter writer)
    {
        foreach (var ema in _ema)
        {
            writer.Write(ema);
        }
    }

    public void Restore(CheckpointReader reader)
    {
        for (var i = 0; i < _ema.Length; i++)
        {
            _ema[i] = reader.ReadDouble();
        }
    }

    private readonly record struct Marked(int Book, (int Book, double Weight)[] Sources, double Alpha);
}
