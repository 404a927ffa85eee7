namespace MarketSim.Engine.Metrics;

/// <summary>One stylized fact of a book as a number: its column name in tables and a label for people.</summary>
public sealed record HeadlineFact(string Name, string Label, Func<BookFacts, double> Value);

/// <summary>
/// The facts a researcher checks first, in the order they are printed: tails and their aggregation, the
/// bounce check, volatility clustering, order-flow persistence. One list, so the sweep summary, the sweep's
/// per-point table and <c>marketsim facts</c> report the same things under the same names.
/// </summary>
public static class HeadlineFacts
{
    public static IReadOnlyList<HeadlineFact> All { get; } =
    [
        new("excess_kurtosis", "excess kurtosis", book => book.Facts.ExcessKurtosis),
        new($"excess_kurtosis_{StylizedFacts.AggregationHorizon}", $"excess kurtosis {StylizedFacts.AggregationHorizon}-tick", book => book.Facts.AggregatedExcessKurtosis),
        new("hill_alpha", "Hill α", book => book.Facts.HillAlpha),
        new("return_acf_1", "acf r(1)", book => book.Facts.ReturnAutocorrelationAt(1)),
        new("close_return_acf_1", "acf close r(1)", book => book.CloseReturnAutocorrelation1),
        new("abs_return_acf_1", "acf |r|(1)", book => book.Facts.AbsoluteReturnAutocorrelationAt(1)),
        new("abs_return_acf_10", "acf |r|(10)", book => book.Facts.AbsoluteReturnAutocorrelationAt(10)),
        new("abs_return_acf_50", "acf |r|(50)", book => book.Facts.AbsoluteReturnAutocorrelationAt(50)),
        new("order_sign_acf_1", "acf sign(1)", book => book.OrderSignAutocorrelationAt(1)),
    ];
}
