using System.Globalization;
using System.Text;
using MarketSim.Engine.Metrics;

namespace MarketSim.Client.Research.Reports;

/// <summary>
/// The report's data: <c>abs_return_acf.csv</c>, the autocorrelation of each book's absolute returns at every lag
/// 1 … <see cref="StylizedFacts.MaxLag"/> (columns <c>venue,instrument,price,lag,abs_return_acf</c>), for plotting
/// the decay that the report's table samples at a few lags.
/// </summary>
internal static class AbsoluteReturnAcfFile
{
    public const string FileName = "abs_return_acf.csv";

    public static string Build(IReadOnlyList<BookFacts> books)
    {
        var text = new StringBuilder("venue,instrument,price,lag,abs_return_acf\n");
        foreach (var book in books)
        {
            var series = book.Facts.AbsoluteReturnAutocorrelationSeries;
            for (var i = 0; i < series.Count; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{book.Venue},{book.Instrument},{book.Price.ToString().ToLowerInvariant()},{i + 1},{series[i]:R}\n");
            }
        }

        return text.ToString();
    }
}
