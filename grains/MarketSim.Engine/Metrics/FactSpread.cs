using MathNet.Numerics.Statistics;

namespace MarketSim.Engine.Metrics;

/// <summary>
/// One fact over several seeds: the median and the range of the finite values (NaN values, from a run too short
/// or flat for the statistic, are left out and not counted). What <c>marketsim facts</c> prints per fact.
/// </summary>
public readonly record struct FactSpread(double Median, double Min, double Max, int Count)
{
    public static FactSpread Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);

        var finite = values.Where(double.IsFinite).ToArray();
        return finite.Length == 0
            ? new FactSpread(double.NaN, double.NaN, double.NaN, 0)
            : new FactSpread(finite.Median(), finite.Min(), finite.Max(), finite.Length);
    }
}
