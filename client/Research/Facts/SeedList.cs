using System.Globalization;
using MarketSim.Client.Cli;

namespace MarketSim.Client.Research.Facts;

/// <summary>The seeds of <c>--seeds</c>: comma-separated seeds and inclusive ranges, e.g. <c>1-10</c> or <c>1-5,9,12</c>.</summary>
public static class SeedList
{
    /// <summary>Most seeds one command may ask for: a typo like <c>1-10000000</c> should not start ten million runs.</summary>
    public const int MaxSeeds = 10_000;

    public static IReadOnlyList<long> Parse(string text)
    {
        var seeds = new List<long>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var dash = part.IndexOf('-', 1);
            var (first, last) = dash < 0 ? (part, part) : (part[..dash], part[(dash + 1)..]);
            if (!long.TryParse(first, NumberStyles.Integer, CultureInfo.InvariantCulture, out var from)
                || !long.TryParse(last, NumberStyles.Integer, CultureInfo.InvariantCulture, out var to))
            {
                throw Bad($"'{part}' is not a seed or a range of seeds such as 1-10");
            }

            if (to < from)
            {
                throw Bad($"'{part}' runs backwards; write {to}-{from}");
            }

            if (to - from >= MaxSeeds - seeds.Count)
            {
                throw Bad(string.Create(CultureInfo.InvariantCulture, $"more than {MaxSeeds:N0} seeds"));
            }

            for (var seed = from; seed <= to; seed++)
            {
                seeds.Add(seed);
            }
        }

        var repeated = seeds.CountBy(seed => seed).Where(count => count.Value > 1).Select(count => count.Key).ToArray();
        return repeated.Length > 0 ? throw Bad($"seed {repeated[0]} is given more than once") : seeds;
    }

    private static InputException Bad(string problem) => new([$"--seeds: {problem}"]);
}
