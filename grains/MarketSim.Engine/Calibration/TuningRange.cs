using System.Globalization;

namespace MarketSim.Engine.Calibration;

/// <summary>
/// A scenario value searched over <c>[Low, High]</c> on a log scale (<c>marketMakers[0].sizePerLevel=10..1000</c>):
/// position <c>u ∈ [0, 1]</c> means <c>Low × (High / Low)^u</c>. Several ranges move together, so
/// "all market makers' depth" is one search.
/// </summary>
public sealed record TuningRange(string Path, double Low, double High)
{
    /// <summary>Parses <c>path=low..high</c> with 0 &lt; low &lt; high; the problem as a readable message if it does not parse.</summary>
    public static (TuningRange? Range, string? Problem) Parse(string text)
    {
        var separator = text.IndexOf('=', StringComparison.Ordinal);
        var bounds = separator < 0 ? [] : text[(separator + 1)..].Split("..");
        if (separator <= 0 || bounds.Length != 2)
        {
            return (null, $"'{text}' must look like path=low..high, e.g. marketMakers[0].sizePerLevel=10..1000");
        }

        if (!double.TryParse(bounds[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var low)
            || !double.TryParse(bounds[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var high)
            || !double.IsFinite(low) || !double.IsFinite(high))
        {
            return (null, $"'{text}': low and high must be numbers");
        }

        if (low <= 0 || high <= low)
        {
            return (null, $"'{text}': the range must satisfy 0 < low < high (it is searched on a log scale)");
        }

        return (new TuningRange(text[..separator].Trim(), low, high), null);
    }

    /// <summary>The value at position <paramref name="u"/> of the log-scaled range.</summary>
    public double At(double u) => Low * Math.Pow(High / Low, Math.Clamp(u, 0, 1));

    /// <summary>The scenario override that sets this value at <paramref name="u"/>.</summary>
    public string Override(double u) => string.Create(CultureInfo.InvariantCulture, $"{Path}={At(u):G6}");
}
