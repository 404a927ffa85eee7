using MarketSim.Engine.Participants.Retail;
using MarketSim.Engine.Scenarios;

namespace MarketSim.Engine.Tests.PriceFormation;

public sealed class OrderSizeTailTests
{
    [Theory]
    [InlineData(0.25, 1.0)]    // 0.25^(−1/2) = 2, divided by the mean α/(α−1) = 2
    [InlineData(1.0 / 16, 2.0)] // 16^(1/2) = 4, / 2
    [InlineData(1.0 / 64, 3.0)] // 8 / 2 = 4, capped at 3
    public void A_multiple_is_the_pareto_draw_over_its_mean_capped(double u, double expected)
    {
        Assert.Equal(expected, RetailCohort.OrderSizeMultiple(new OrderSizeTailSpec(Alpha: 2, MaxMultiple: 3), u), 12);
    }

    [Fact]
    public void Multiples_average_one_and_have_a_heavy_tail()
    {
        var tail = new OrderSizeTailSpec(Alpha: 2.5, MaxMultiple: 1_000);
        var draws = Enumerable.Range(0, 200_000).Select(i => RetailCohort.OrderSizeMultiple(tail, (i + 0.5) / 200_000)).ToArray();

        Assert.InRange(draws.Average(), 0.97, 1.03);

        // Pareto(2.5): P(X > 10 × scale) = 10^−2.5 ≈ 0.32%; the scale is 0.6 in multiples of the mean.
        var beyond = draws.Count(d => d > 6) / (double)draws.Length;
        Assert.InRange(beyond, 0.0028, 0.0036);
    }
}
