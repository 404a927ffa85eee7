using MarketSim.Engine.Metrics;
using MarketSim.Engine.Traces;

namespace MarketSim.Client.Research.Facts;

/// <summary>One seed's run: its summary and the stylized facts of each of its books.</summary>
public sealed record SeedFacts(long Seed, RunSummary Summary, IReadOnlyList<BookFacts> Books)
{
    /// <summary>The facts of book (<paramref name="venue"/>, <paramref name="instrument"/>), if the run has it.</summary>
    public BookFacts? Book(string venue, string instrument) => Books.FirstOrDefault(book => book.Venue == venue && book.Instrument == instrument);
}
