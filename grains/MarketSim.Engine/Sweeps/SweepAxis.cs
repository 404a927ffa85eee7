using System.Globalization;

namespace MarketSim.Engine.Sweeps;

/// <summary>
/// One dimension of a sweep: a scenario path and the values it takes, from
/// <c>--set funds[0].targetLeverage=1,2,4</c>. Values are plain scalars, so they hold no commas.
/// </summary>
public sealed record SweepAxis(string Path, IReadOnlyList<string> Values)
{
    /// <summary>Whether every value is a number, so the sweep table can hold the axis as a DOUBLE column.</summary>
    public bool IsNumeric => Values.All(value => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _));

    /// <summary>The override that sets this axis to its <paramref name="index"/>-th value.</summary>
    public string Override(int index) => $"{Path}={Values[index]}";

    /// <summary>
    /// Parses <c>path=v1,v2,...</c>. Returns null and a problem for the user when the text has no
    /// <c>=</c>, no path, an empty value or a value listed twice; whether the path and values suit the
    /// scenario is the scenario reader's to say.
    /// </summary>
    public static SweepAxis? Parse(string text, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);

        var separator = text.IndexOf('=', StringComparison.Ordinal);
        var path = separator < 0 ? "" : text[..separator].Trim();
        var values = separator < 0 ? [] : text[(separator + 1)..].Split(',', StringSplitOptions.TrimEntries);
        problem = path.Length == 0 ? $"--set '{text}': must look like path=value or path=v1,v2,..."
            : values.Any(value => value.Length == 0) ? $"--set '{text}': a value is empty"
            : values.CountBy(value => value).FirstOrDefault(count => count.Value > 1) is { Key: { } twice } ? $"--set '{text}': '{twice}' is listed twice"
            : null;
        return problem is null ? new SweepAxis(path, values) : null;
    }
}
