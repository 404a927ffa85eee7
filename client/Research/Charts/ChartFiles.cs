namespace MarketSim.Client.Research.Charts;

/// <summary>The names of the chart files in a run folder.</summary>
internal static class ChartFiles
{
    public static string Price(BookSeries book) => $"price-{book.FileStem}.png";

    public static string Liquidity(BookSeries book) => $"liquidity-{book.FileStem}.png";

    public static string Volatility(BookSeries book) => $"volatility-{book.FileStem}.png";

    public static string Flows(string instrument) => $"flows-{Safe(instrument)}.png";

    public static string Venues(string instrument) => $"venues-{Safe(instrument)}.png";

    public static string CostBasis(string instrument) => $"cost-basis-{Safe(instrument)}.png";

    public static string Triggers(string instrument, string venue) => $"triggers-{Safe(instrument)}-{Safe(venue)}.png";

    public const string Cascades = "cascades.png";

    /// <summary><paramref name="name"/> with anything a file name or a Markdown link would trip on replaced by <c>_</c>.</summary>
    public static string Safe(string name) =>
        string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
}
