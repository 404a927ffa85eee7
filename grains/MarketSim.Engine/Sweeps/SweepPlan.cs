using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MarketSim.Engine.Scenarios;
using MarketSim.Engine.Traces;

namespace MarketSim.Engine.Sweeps;

/// <summary>
/// Everything a sweep will run: the grid × replicas, each run's name and seed, and the sweep's id.
/// The id is a name plus a hash of what decides the runs' traces, so running the same command
/// again finds the same folder and can resume it, and any change that would alter a trace (the
/// scenario file's text, a fixed override, the grid, the replica count or the table format) gives a
/// new one. How the runs are hosted (engine, silos, parallelism) is left out: it never changes a trace.
/// </summary>
public sealed class SweepPlan
{
    /// <summary>
    /// Plans <paramref name="replicas"/> runs of every point of <paramref name="grid"/>.
    /// <paramref name="fixedOverrides"/> apply to every run (<c>ticks=300</c>), before the grid's;
    /// <paramref name="baseSeed"/> is the scenario's seed after them, the root of every run's seed.
    /// </summary>
    public SweepPlan(string scenarioName, string scenarioText, IReadOnlyList<string> fixedOverrides, long baseSeed, SweepGrid grid, int replicas, TraceFormat format)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);

        Grid = grid;
        Replicas = replicas;
        FixedOverrides = fixedOverrides;
        Id = $"{ScenarioName.ForFileSystem(scenarioName)}-{Hash(scenarioText, fixedOverrides, grid, replicas, format)}";
        Runs =
        [
            .. from point in Enumerable.Range(0, grid.Count)
               from replica in Enumerable.Range(0, replicas)
               select new SweepRun(
                   point,
                   replica,
                   SweepSeeds.Of(baseSeed, point, replica),
                   $"{Numbered('p', point, grid.Count)}-{Numbered('r', replica, replicas)}",
                   grid.OverridesAt(point)),
        ];
    }

    /// <summary>Folder name of the sweep, e.g. <c>quickstart-3f9a12bc</c>.</summary>
    public string Id { get; }

    public SweepGrid Grid { get; }

    public int Replicas { get; }

    public IReadOnlyList<string> FixedOverrides { get; }

    /// <summary>Every run, point by point, replicas within a point.</summary>
    public IReadOnlyList<SweepRun> Runs { get; }

    /// <summary><paramref name="prefix"/> and <paramref name="index"/>, zero-padded to the width of the largest index so names sort in order.</summary>
    private static string Numbered(char prefix, int index, int count)
    {
        var width = Math.Max(1, (count - 1).ToString(CultureInfo.InvariantCulture).Length);
        return prefix + index.ToString($"D{width}", CultureInfo.InvariantCulture);
    }

    private static string Hash(string scenarioText, IReadOnlyList<string> fixedOverrides, SweepGrid grid, int replicas, TraceFormat format)
    {
        // Length-prefixed lines, so no two different inputs can produce the same text.
        var canonical = new StringBuilder();
        void Line(string key, string value) => canonical.Append(CultureInfo.InvariantCulture, $"{key} {value.Length}:{value}\n");
        Line("scenario", scenarioText);
        foreach (var value in fixedOverrides)
        {
            Line("set", value);
        }

        foreach (var axis in grid.Axes)
        {
            Line("axis", axis.Path);
            foreach (var value in axis.Values)
            {
                Line("value", value);
            }
        }

        Line("replicas", replicas.ToString(CultureInfo.InvariantCulture));
        Line("format", format.ToString());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())))[..8];
    }
}
