namespace MarketSim.Engine.Metrics;

/// <summary>An autocorrelation at one lag, in ticks.</summary>
public readonly record struct LagCorrelation(int Lag, double Value);

/// <summary>
/// The stylized facts of one return series, as <see cref="StylizedFacts.Of"/> computes them. Values
/// that a short or flat series cannot support are NaN.
/// </summary>
/// <param name="Returns">Number of returns.</param>
/// <param name="Mean">Mean return.</param>
/// <param name="StandardDeviation">Sample standard deviation of the returns.</param>
/// <param name="ExcessKurtosis">Bias-corrected excess kurtosis (G2); 0 for normal returns, positive for heavy tails.</param>
/// <param name="HillAlpha">Hill estimate of the tail index of the absolute returns.</param>
/// <param name="HillK">Order statistics the Hill estimate used.</param>
/// <param name="ReturnAutocorrelation">Autocorrelation of returns at <see cref="StylizedFacts.Lags"/>; near 0 in real markets.</param>
/// <param name="AbsoluteReturnAutocorrelation">Autocorrelation of absolute returns; positive and slowly decaying under volatility clustering.</param>
public sealed record ReturnFacts(
    int Returns,
    double Mean,
    double StandardDeviation,
    double ExcessKurtosis,
    double HillAlpha,
    int HillK,
    IReadOnlyList<LagCorrelation> ReturnAutocorrelation,
    IReadOnlyList<LagCorrelation> AbsoluteReturnAutocorrelation)
{
    /// <summary>
    /// Excess kurtosis of the returns over <see cref="StylizedFacts.AggregationHorizon"/> ticks (non-overlapping):
    /// below <see cref="ExcessKurtosis"/> when tails thin out under aggregation (aggregational Gaussianity).
    /// </summary>
    public double AggregatedExcessKurtosis { get; init; } = double.NaN;

    /// <summary>Autocorrelation of absolute returns at every lag 1 … <see cref="StylizedFacts.MaxLag"/>; element i is lag i + 1.</summary>
    public IReadOnlyList<double> AbsoluteReturnAutocorrelationSeries { get; init; } = [];

    /// <summary>The autocorrelation of returns at <paramref name="lag"/>, NaN if it was not computed.</summary>
    public double ReturnAutocorrelationAt(int lag) => At(ReturnAutocorrelation, lag);

    /// <summary>The autocorrelation of absolute returns at <paramref name="lag"/>, NaN if it was not computed.</summary>
    public double AbsoluteReturnAutocorrelationAt(int lag) => At(AbsoluteReturnAutocorrelation, lag);

    private static double At(IReadOnlyList<LagCorrelation> correlations, int lag) =>
        correlations.Where(correlation => correlation.Lag == lag).Select(correlation => correlation.Value).DefaultIfEmpty(double.NaN).First();
}
