namespace MarketSim.Engine.Calibration;

/// <summary>
/// A flow's effect on the price as fractions of the baseline's price (−0.034 = 3.4% lower): when the
/// flow ends, at the measurement tick, and the largest in between (signed).
/// </summary>
public sealed record ImpactMeasurement(double AtFlowEnd, double AtHorizon, double Largest)
{
    /// <summary>The mean of several replicas' measurements, field by field.</summary>
    public static ImpactMeasurement Mean(IReadOnlyCollection<ImpactMeasurement> replicas) => new(
        replicas.Average(m => m.AtFlowEnd),
        replicas.Average(m => m.AtHorizon),
        replicas.Average(m => m.Largest));
}
