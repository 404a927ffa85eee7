namespace MarketSim.Engine.Sweeps;

/// <summary>
/// The cartesian product of a sweep's axes. Points are numbered from 0 with the last axis varying
/// fastest, like nested loops in the order the axes were given.
/// </summary>
public sealed class SweepGrid
{
    public SweepGrid(IReadOnlyList<SweepAxis> axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        var repeated = axes.CountBy(axis => axis.Path).FirstOrDefault(count => count.Value > 1);
        if (repeated.Value > 1)
        {
            throw new ArgumentException($"'{repeated.Key}' is set twice; give each path once with all its values", nameof(axes));
        }

        Axes = axes;
        Count = axes.Aggregate(1, (count, axis) => checked(count * axis.Values.Count));
    }

    public IReadOnlyList<SweepAxis> Axes { get; }

    /// <summary>Number of grid points (1 for a grid with no axes: the scenario as it is).</summary>
    public int Count { get; }

    /// <summary>The value of each axis at point <paramref name="point"/>, in axis order.</summary>
    public IReadOnlyList<string> ValuesAt(int point) => [.. IndicesAt(point).Select((index, axis) => Axes[axis].Values[index])];

    /// <summary>The <c>path=value</c> overrides that make point <paramref name="point"/>, in axis order.</summary>
    public IReadOnlyList<string> OverridesAt(int point) => [.. IndicesAt(point).Select((index, axis) => Axes[axis].Override(index))];

    private int[] IndicesAt(int point)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(point);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(point, Count);

        var indices = new int[Axes.Count];
        for (var axis = Axes.Count - 1; axis >= 0; axis--)
        {
            indices[axis] = point % Axes[axis].Values.Count;
            point /= Axes[axis].Values.Count;
        }

        return indices;
    }
}
