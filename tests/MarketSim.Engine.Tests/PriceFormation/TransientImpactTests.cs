using MarketSim.Engine.Participants.Institutions;

namespace MarketSim.Engine.Tests.PriceFormation;

public sealed class TransientImpactTests
{
    [Fact]
    public void Half_of_a_move_is_kept_and_the_other_half_decays_at_the_resilience_rate()
    {
        var impact = new TransientImpact(permanentShare: 0.5, resilience: 0.2);

        Assert.Equal(1_000, impact.Centre(1_000)); // the first quote centres on mid

        // A trade moves mid to 1,010: F = 1,000 + 0.5 × 10 = 1,005; D = 0.8 × (0 + 0.5 × 10) = 4; centre 1,009.
        Assert.Equal(1_009, impact.Centre(1_010), 9);
        Assert.Equal(1_005, impact.Kept, 9);

        // Nobody trades (mid stays at the centre the maker quoted): D decays to 0.8 × 4 = 3.2, centre 1,008.2.
        Assert.Equal(1_008.2, impact.Centre(1_009), 9);
        Assert.Equal(1_008.2 - 1_005, impact.Transient, 9);
    }

    [Fact]
    public void With_all_impact_permanent_the_centre_is_mid()
    {
        var impact = new TransientImpact(permanentShare: 1, resilience: 0.3);

        foreach (var mid in new[] { 1_000.0, 1_020, 990, 995 })
        {
            Assert.Equal(mid, impact.Centre(mid), 9);
        }

        Assert.Equal(0, impact.Transient);
    }

    [Fact]
    public void A_lone_shock_reverts_to_its_permanent_share()
    {
        var impact = new TransientImpact(permanentShare: 0.7, resilience: 0.1);
        impact.Centre(1_000);
        var centre = impact.Centre(1_100);
        for (var t = 0; t < 200; t++)
        {
            centre = impact.Centre(centre); // quiet ticks: mid closes where the maker centred
        }

        // γΔ + (1 − γ)Δ(1 − ρ)ᵗ → 1,000 + 0.7 × 100 = 1,070.
        Assert.Equal(1_070, centre, 6);
    }
}
