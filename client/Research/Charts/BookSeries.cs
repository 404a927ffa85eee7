using MarketSim.Engine.Traces;

namespace MarketSim.Client.Research.Charts;

/// <summary>One order book's trace as columns over ticks, ready to plot: market rows joined with the book's liquidations.</summary>
internal sealed record BookSeries(
    string Venue,
    string Instrument,
    double[] Ticks,
    double[] High,
    double[] Low,
    double[] Close,
    double[] Volume,
    double[] BidDepth,
    double[] AskDepth,
    double[] StopNotional,
    double[] MarginNotional,
    double[] RealizedVolatility,
    double[] ImpliedVolatility,
    double[] VolOfVol)
{
    /// <summary>A file-name-safe name of the book, e.g. <c>BTC-spot</c>.</summary>
    public string FileStem => ChartFiles.Safe($"{Instrument}-{Venue}");

    /// <summary>How the book is named on charts, e.g. <c>BTC@spot</c>.</summary>
    public string Label => $"{Instrument}@{Venue}";

    /// <summary>Every book in the trace, in the order they first appear.</summary>
    public static IReadOnlyList<BookSeries> From(Trace trace)
    {
        var liquidations = trace.Liquidations.ToDictionary(row => (row.Tick, row.Venue, row.Instrument));
        return
        [
            .. trace.Market.GroupBy(row => (row.Venue, row.Instrument)).Select(book =>
            {
                var rows = book.OrderBy(row => row.Tick).ToArray();
                double Forced(MarketRow row, Func<LiquidationRow, double> value) =>
                    liquidations.TryGetValue((row.Tick, row.Venue, row.Instrument), out var forced) ? value(forced) : 0;
                return new BookSeries(
                    book.Key.Venue,
                    book.Key.Instrument,
                    [.. rows.Select(row => (double)row.Tick)],
                    [.. rows.Select(row => row.High)],
                    [.. rows.Select(row => row.Low)],
                    [.. rows.Select(row => row.Close)],
                    [.. rows.Select(row => row.Volume)],
                    [.. rows.Select(row => row.BidDepth)],
                    [.. rows.Select(row => row.AskDepth)],
                    [.. rows.Select(row => Forced(row, forced => forced.StopNotional))],
                    [.. rows.Select(row => Forced(row, forced => forced.MarginNotional))],
                    [.. rows.Select(row => row.RealizedVolatility)],
                    [.. rows.Select(row => row.ImpliedVolatility)],
                    [.. rows.Select(row => row.VolOfVol)]);
            }),
        ];
    }
}
