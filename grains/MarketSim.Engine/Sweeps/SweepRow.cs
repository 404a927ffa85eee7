using MarketSim.Engine.Metrics;
using MarketSim.Engine.Traces;

namespace MarketSim.Engine.Sweeps;

/// <summary>One completed run of a sweep, as a row of the sweep table: the run, its summary and the stylized facts of its books.</summary>
public sealed record SweepRow(SweepRun Run, RunSummary Summary, IReadOnlyList<BookFacts> Facts)
{
    /// <summary>
    /// Reads the row of <paramref name="run"/> from its complete trace folder under
    /// <paramref name="sweepDirectory"/>. Rows come from the folders, never from memory, so a resumed
    /// sweep's table is built the same way from runs done now and runs done before; returns are taken on <paramref name="price"/>.
    /// </summary>
    public static async Task<SweepRow> ReadAsync(string sweepDirectory, SweepRun run, ReturnPrice price, CancellationToken ct)
    {
        var folder = Path.Combine(sweepDirectory, run.Folder);
        var trace = await TraceReader.ReadAsync(folder, ct);
        return new SweepRow(run, TraceReader.ReadSummary(folder), BookFacts.Of(trace.Market, price));
    }

    /// <summary>The summary of book (<paramref name="venue"/>, <paramref name="instrument"/>), if the run has it.</summary>
    public BookSummary? Book(string venue, string instrument) =>
        Summary.Books.FirstOrDefault(book => book.Venue == venue && book.Instrument == instrument);

    /// <summary>The return facts of book (<paramref name="venue"/>, <paramref name="instrument"/>), if the run has it.</summary>
    public ReturnFacts? FactsOf(string venue, string instrument) => BookFactsOf(venue, instrument)?.Facts;

    /// <summary>All the facts of book (<paramref name="venue"/>, <paramref name="instrument"/>), if the run has it.</summary>
    public BookFacts? BookFactsOf(string venue, string instrument) =>
        Facts.FirstOrDefault(book => book.Venue == venue && book.Instrument == instrument);
}
