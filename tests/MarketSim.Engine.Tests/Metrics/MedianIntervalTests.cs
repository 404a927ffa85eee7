using MarketSim.Engine.Metrics;

namespace MarketSim.Engine.Tests.Metrics;

public sealed class MedianIntervalTests
{
    [Fact]
    public void Three_replicas_give_their_median_and_an_interval_from_the_smallest_to_the_largest()
    {
        // A resample of (1, 2, 3) has median 1 when it holds two or three 1s: 7/27 ≈ 26% of resamples, and 3 as
        // often; so the 2.5% and 97.5% quantiles of 2,000 resampled medians are 1 and 3 (all but surely).
        var interval = MedianInterval.Of([3, 1, 2], seed: 11);

        Assert.Equal(new MedianInterval(2, 1, 3, 3), interval);
    }

    [Fact]
    public void Equal_values_leave_no_room_and_NaN_values_are_left_out()
    {
        Assert.Equal(new MedianInterval(4, 4, 4, 3), MedianInterval.Of([4, 4, 4], seed: 1));
        Assert.Equal(new MedianInterval(5, 5, 5, 1), MedianInterval.Of([double.NaN, 5], seed: 1));
        var none = MedianInterval.Of([double.NaN], seed: 1);
        Assert.Equal(0, none.Count);
        Assert.True(double.IsNaN(none.Median) && double.IsNaN(none.Low) && double.IsNaN(none.High));
    }

    [Fact]
    public void The_resampling_is_a_function_of_the_seed()
    {
        double[] replicas = [0.3, 1.9, 2.2, 0.8, 5.1, 1.1, 2.7, 0.2, 3.3, 1.4];

        var first = MedianInterval.Of(replicas, seed: 42);

        Assert.Equal(first, MedianInterval.Of(replicas, seed: 42));
        Assert.Equal((1.65, 10), (first.Median, first.Count));
        Assert.InRange(first.Low, 0.2, first.Median);
        Assert.InRange(first.High, first.Median, 5.1);
    }

    [Fact]
    public void A_median_is_above_another_only_when_the_intervals_do_not_overlap()
    {
        var low = new MedianInterval(1, 0.5, 1.5, 10);

        Assert.True(new MedianInterval(2, 1.6, 2.5, 10).IsAbove(low));
        Assert.False(new MedianInterval(2, 1.4, 2.5, 10).IsAbove(low));
    }
}
