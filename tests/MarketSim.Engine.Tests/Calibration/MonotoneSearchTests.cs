using MarketSim.Engine.Calibration;

namespace MarketSim.Engine.Tests.Calibration;

public sealed class MonotoneSearchTests
{
    [Fact]
    public async Task Bisection_finds_the_position_of_a_decreasing_function_within_tolerance()
    {
        // Impact falls as depth grows: -0.1 at u = 0, about -0.01 at u = 1.
        static Task<double> Impact(double u) => Task.FromResult(-0.1 / (1 + (9 * u)));

        var steps = await MonotoneSearch.FindAsync(Impact, target: -0.034, tolerance: 0.0005, maxSteps: 20);
        var best = MonotoneSearch.Best(steps, -0.034);

        // -0.1 / (1 + 9u) = -0.034  ⇔  u = (0.1 / 0.034 - 1) / 9
        Assert.InRange(best.Value, -0.0345, -0.0335);
        Assert.Equal((0.1 / 0.034 - 1) / 9, best.Position, 2);
        Assert.True(steps.Count < 20);
        Assert.Equal([0.0, 1.0], steps.Take(2).Select(s => s.Position));
    }

    [Fact]
    public async Task A_target_outside_the_range_stops_after_the_ends()
    {
        var steps = await MonotoneSearch.FindAsync(u => Task.FromResult(u), target: 2, tolerance: 0.01, maxSteps: 10);

        Assert.Equal(2, steps.Count);
        Assert.Equal(1.0, MonotoneSearch.Best(steps, 2).Position);
    }

    [Fact]
    public async Task The_search_stops_at_its_step_budget()
    {
        var calls = 0;
        var steps = await MonotoneSearch.FindAsync(u => { calls++; return Task.FromResult(u); }, target: 0.3333333, tolerance: 1e-12, maxSteps: 6);

        Assert.Equal(6, steps.Count);
        Assert.Equal(6, calls);
    }
}
