using MarketSim.Client.Runs;
using MarketSim.Engine.Traces;

namespace MarketSim.Client.Tests.Runs;

public sealed class ReplayCheckTests
{
    [Fact]
    public void A_replayed_tick_that_matches_is_dropped_even_with_nan_in_its_rows()
    {
        // Before the institutions buy anything their mean cost is NaN: the digest must still be taken.
        var check = new ReplayCheck();
        var first = Tick(0, institutionalMean: double.NaN);

        Assert.True(check.IsNew(first));
        Assert.True(check.IsNew(Tick(1, institutionalMean: 560)));
        Assert.False(check.IsNew(Tick(0, institutionalMean: double.NaN)));
        Assert.Equal(2, check.NextTick);
    }

    [Fact]
    public void A_replayed_tick_that_differs_or_a_missing_tick_is_an_error()
    {
        var check = new ReplayCheck();
        check.IsNew(Tick(0, institutionalMean: 560));

        Assert.Throws<InvalidOperationException>(() => check.IsNew(Tick(0, institutionalMean: 561)));
        Assert.Throws<InvalidOperationException>(() => check.IsNew(Tick(2, institutionalMean: 560)));
    }

    private static TickRecord Tick(long tick, double institutionalMean) =>
        new(tick, [], [], [], new ConservationCheck(0, 0, [], []))
        {
            Resonance = [new ResonanceRow(tick, "X", 600, 10, 0, 540, 520, 540, 560, institutionalMean, double.NaN, double.NaN, double.NaN, 0, 0, 0, 0, 0)],
        };
}
