namespace MarketSim.Client.Research.Charts;

/// <summary>
/// A power of a thousand to divide large amounts by, so an axis reads "12.5 (millions)" rather
/// than "12500000": chosen from the largest value shown.
/// </summary>
internal readonly record struct QuoteScale(double Divisor, string Name)
{
    public static QuoteScale For(IEnumerable<double> values)
    {
        var largest = values.Select(Math.Abs).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        return largest switch
        {
            >= 1e9 => new(1e9, "billions"),
            >= 1e6 => new(1e6, "millions"),
            >= 1e4 => new(1e3, "thousands"),
            _ => new(1, ""),
        };
    }

    /// <summary>The unit for an axis label: <c>quote currency, millions</c>.</summary>
    public string Unit(string unit) => Name.Length == 0 ? unit : $"{unit}, {Name}";

    public double[] Apply(IEnumerable<double> values)
    {
        var divisor = Divisor;
        return [.. values.Select(value => value / divisor)];
    }
}
