namespace MarketSim.Engine.Calibration;

/// <summary>One evaluation of a search: the position tried and what it gave.</summary>
public sealed record SearchStep(double Position, double Value);

/// <summary>
/// Bisection for the position in [0, 1] at which a monotone function reaches a target, e.g. the
/// market-maker depth (as a <see cref="TuningRange"/> position) at which a flow moves the price by
/// a given fraction. Evaluations are expensive (two simulations each), so it evaluates the ends
/// once, then halves until the value is within tolerance or the steps run out, and returns every
/// step so the caller can show the path it took.
/// </summary>
public static class MonotoneSearch
{
    public static async Task<IReadOnlyList<SearchStep>> FindAsync(Func<double, Task<double>> evaluate, double target, double tolerance, int maxSteps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSteps, 2);

        var steps = new List<SearchStep>();
        async Task<SearchStep> Try(double u)
        {
            var step = new SearchStep(u, await evaluate(u));
            steps.Add(step);
            return step;
        }

        var low = await Try(0);
        var high = await Try(1);
        if (Within(low) || Within(high) || !Brackets(low, high))
        {
            return steps;
        }

        while (steps.Count < maxSteps)
        {
            var middle = await Try((low.Position + high.Position) / 2);
            if (Within(middle))
            {
                break;
            }

            if (Brackets(low, middle))
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        return steps;

        bool Within(SearchStep step) => Math.Abs(step.Value - target) <= tolerance;
        bool Brackets(SearchStep a, SearchStep b) => Math.Sign(a.Value - target) != Math.Sign(b.Value - target);
    }

    /// <summary>The step closest to <paramref name="target"/>.</summary>
    public static SearchStep Best(IReadOnlyList<SearchStep> steps, double target) =>
        steps.MinBy(s => Math.Abs(s.Value - target)) ?? throw new ArgumentException("no steps", nameof(steps));
}
