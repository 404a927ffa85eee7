namespace MarketSim.EndToEnd.Tests.Scenarios;

public sealed class AllParticipantsSeeds : ScenarioSeeds
{
    protected override string ScenarioFile => "scenarios/all-participants.yaml";

    protected override int ScenarioSeed => 3;
}

/// <summary>
/// What <c>scenarios/all-participants.yaml</c> claims, checked in the traces of seeds 1–5 (seed 3, the scenario's,
/// through the README's command): each claim in every seed.
/// </summary>
[Collection(ScenarioSeedsCollection.Name)]
public sealed class AllParticipantsScenarioTests(AllParticipantsSeeds seeds) : IClassFixture<AllParticipantsSeeds>
{
    /// <summary>BTC per ETF share.</summary>
    private const double UnitsPerShare = 0.0005;

    /// <summary>Each tick's spot, institutional and ETF mids side by side.</summary>
    private static string Mids(SeedRun run)
    {
        var market = run.Table("market");
        return $"""
            SELECT s.tick, s.mid AS spot, i.mid AS inst, e.mid AS etf
            FROM {market} s JOIN {market} i USING (tick) JOIN {market} e USING (tick)
            WHERE s.venue = 'spot' AND i.venue = 'inst' AND i.instrument = 'BTC' AND e.instrument = 'IBIT'
            """;
    }

    [Theory]
    [InlineData("spot", "BTC")]
    [InlineData("inst", "BTC")]
    [InlineData("inst", "IBIT")]
    public void Mid_returns_have_a_fat_tail_and_no_lag_one_autocorrelation_in_every_seed(string venue, string instrument)
    {
        seeds.AssertMidReturnsLookLikeAMarket(venue, instrument);
    }

    [Fact]
    public void Every_class_trades_and_every_tick_conserves_in_every_seed()
    {
        foreach (var run in seeds.Runs)
        {
            var flows = run.Table("flows");
            var classes = run.Scalar($"SELECT count(DISTINCT participant_class) FROM {flows}");
            var trading = run.Scalar($"SELECT count(DISTINCT participant_class) FROM {flows} WHERE net_notional <> 0");

            Assert.True(run.Summary.GetProperty("conserved").GetBoolean(), $"{run}: conservation");
            Assert.True(classes >= 10, $"{run}: {classes} classes in the flows");
            Assert.True(trading == classes, $"{run}: {trading} of {classes} classes trade");
        }
    }

    [Fact]
    public void The_ap_keeps_the_etf_near_nav_and_redeems_what_the_investors_sell_in_every_seed()
    {
        foreach (var run in seeds.Runs)
        {
            var deviation = $"SELECT abs(etf / ({UnitsPerShare} * inst) - 1) AS d FROM ({Mids(run)})";
            var p90 = run.Scalar($"SELECT quantile_cont(d, 0.9) FROM ({deviation})");
            var most = run.Scalar($"SELECT max(d) FROM ({deviation})");
            var shares = $"SELECT tick, reserves FROM {run.Table("market")} WHERE instrument = 'IBIT'";
            var redeemed = run.Scalar($"SELECT reserves FROM ({shares}) WHERE tick = 0") - run.Scalar($"SELECT min(reserves) FROM ({shares})");

            Assert.True(p90 < 0.001 && most < 0.005, $"{run}: the ETF's mid {p90:P3} from NAV in 90% of ticks, {most:P3} at most");
            Assert.True(redeemed > 100_000, $"{run}: {redeemed:N0} fewer shares on the venue at the low");
        }
    }

    [Fact]
    public void The_arbitrageur_keeps_the_venues_together_in_every_seed()
    {
        foreach (var run in seeds.Runs)
        {
            var gap = $"SELECT abs(spot / inst - 1) AS g FROM ({Mids(run)})";
            var p90 = run.Scalar($"SELECT quantile_cont(g, 0.9) FROM ({gap})");
            var most = run.Scalar($"SELECT max(g) FROM ({gap})");

            Assert.True(p90 < 0.005 && most < 0.025, $"{run}: venues {p90:P2} apart in 90% of ticks, {most:P2} at most");
        }
    }
}
