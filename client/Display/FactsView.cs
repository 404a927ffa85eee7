using System.Globalization;
using MarketSim.Client.Research.Facts;
using MarketSim.Engine.Metrics;
using Spectre.Console;

namespace MarketSim.Client.Display;

/// <summary>
/// What <c>marketsim facts</c> prints: per book and headline fact the median and [min, max] over the seeds, then
/// the per-seed table the spread comes from.
/// </summary>
internal static class FactsView
{
    public static void Print(FactsOptions options, IReadOnlyList<SeedFacts> results)
    {
        var books = results.SelectMany(result => result.Books.Select(book => (book.Venue, book.Instrument))).Distinct().ToArray();
        var price = options.Price.ToString().ToLowerInvariant();
        var spread = new Table().Title(Markup.Escape($"{options.ScenarioPath}: {results.Count} seeds, returns of the {price} per tick"));
        spread.AddColumns("book", "fact", "median", "min", "max", "seeds");
        foreach (var (venue, instrument) in books)
        {
            foreach (var fact in HeadlineFacts.All)
            {
                var s = FactSpread.Of(results.Select(result => result.Book(venue, instrument) is { } book ? fact.Value(book) : double.NaN));
                spread.AddRow(Markup.Escape($"{instrument}@{venue}"), Markup.Escape(fact.Label), Number(s.Median), Number(s.Min), Number(s.Max), s.Count.ToString(CultureInfo.InvariantCulture));
            }
        }

        AnsiConsole.Write(spread);

        var perSeed = new Table().Title("per seed");
        perSeed.AddColumn("seed");
        if (books.Length > 1)
        {
            perSeed.AddColumn("book");
        }

        perSeed.AddColumns([.. HeadlineFacts.All.Select(fact => Markup.Escape(fact.Label)), "conserved"]);
        foreach (var result in results)
        {
            foreach (var (venue, instrument) in books)
            {
                var book = result.Book(venue, instrument);
                List<string> cells = [result.Seed.ToString(CultureInfo.InvariantCulture)];
                if (books.Length > 1)
                {
                    cells.Add($"{instrument}@{venue}");
                }

                cells.AddRange(HeadlineFacts.All.Select(fact => Number(book is null ? double.NaN : fact.Value(book))));
                cells.Add(result.Summary.Conserved ? "yes" : "NO");
                perSeed.AddRow([.. cells.Select(Markup.Escape)]);
            }
        }

        AnsiConsole.Write(perSeed);
    }

    private static string Number(double value) => double.IsFinite(value) ? value.ToString("F3", CultureInfo.InvariantCulture) : "n/a";
}
