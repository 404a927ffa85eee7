using MarketSim.Engine.Contracts;
using MarketSim.Engine.Markets;
using MarketSim.Engine.Metrics.CostBasis;
using MarketSim.Engine.Participants;
using MarketSim.Engine.Scenarios;

namespace MarketSim.Engine.Tests.Metrics;

/// <summary>Cost-basis histograms and their statistics, worked by hand.</summary>
public sealed class CostBasisTests
{
    // BTC at 100,000 with a tick of 1 and a lot of 0.001: one tick × one lot is 1,000 cash units; bins of 0.5% are 500 ticks.
    private static readonly MarketLayout Layout = new(TestMarkets.Small());
    private const long CashPerTickLot = 1_000;

    [Theory]
    [InlineData(100_000, 0.005, 500)]
    [InlineData(100_050, 0.005, 500)]
    [InlineData(100_000, 0.001, 100)]
    [InlineData(100_000, 0.003, 200)]
    [InlineData(100_000, 0.008, 500)]
    [InlineData(100_000, 0.01, 1_000)]
    [InlineData(4_000, 0.005, 20)]
    [InlineData(150, 0.005, 1)]
    public void Bin_widths_round_down_to_one_two_or_five_times_a_power_of_ten(long initialTicks, double fraction, long expected)
    {
        Assert.Equal(expected, PriceGrid.BinTicks(initialTicks, fraction));
    }

    [Fact]
    public void A_holder_lands_in_the_bin_of_its_average_cost_with_its_lots_cost_and_under_water_state()
    {
        var recorder = new CostBasisRecorder(new CostBasisGrid(Layout));
        var btc = recorder.For(ParticipantClass.Retail, 0);

        btc.Add(lots: 10, cost: Cost(99_999, 10), closeTicks: 100_000);   // bin 199 (99,500–99,999), above water
        btc.Add(lots: 30, cost: Cost(100_000, 30), closeTicks: 100_000);  // bin 200, exactly at the close: not under water
        btc.Add(lots: 20, cost: Cost(100_400, 20), closeTicks: 100_000);  // bin 200, under water
        btc.Add(lots: 0, cost: 5, closeTicks: 100_000);                   // no position: not a holder

        var histogram = Assert.Single(recorder.Build().Histograms);
        Assert.Equal((0, 0, 3L, 60L, 1L, 20L), (histogram.Class, histogram.Instrument, histogram.Holders, histogram.Lots, histogram.UnderwaterHolders, histogram.UnderwaterLots));
        Assert.Equal([199L, 200L], histogram.Bins);
        Assert.Equal([1L, 2L], histogram.BinHolders);
        Assert.Equal([10L, 50L], histogram.BinLots);
        Assert.Equal([Cost(99_999, 10), Cost(100_000, 30) + Cost(100_400, 20)], histogram.BinCost);
        Assert.Equal([0L, 20L], histogram.BinUnderwaterLots);
    }

    [Fact]
    public void Histograms_of_any_partition_add_up_to_the_histogram_of_the_whole()
    {
        var holders = Enumerable.Range(0, 200).Select(i => (Lots: 1L + (i % 7), Ticks: 95_000L + (i * 37 % 9_000), Close: 97_000L + (i % 3 * 1_000))).ToArray();
        CostBasisHistogram Of(IEnumerable<(long Lots, long Ticks, long Close)> part)
        {
            var recorder = new CostBasisRecorder(new CostBasisGrid(Layout));
            var input = recorder.For(ParticipantClass.Retail, 0);
            foreach (var (lots, ticks, close) in part)
            {
                input.Add(lots, Cost(ticks, lots), close);
            }

            return Assert.Single(recorder.Build().Histograms);
        }

        var whole = Of(holders);
        var merged = new CostBasisBook([Of(holders[150..])])
            .Add(new CostBasisBook([Of(holders[..40])]))
            .Add(new CostBasisBook([Of(holders[40..150])]));

        var sum = Assert.Single(merged.Histograms);
        Assert.Equal((whole.Holders, whole.Lots, whole.Cost, whole.UnderwaterHolders, whole.UnderwaterLots), (sum.Holders, sum.Lots, sum.Cost, sum.UnderwaterHolders, sum.UnderwaterLots));
        Assert.Equal(whole.Bins, sum.Bins);
        Assert.Equal(whole.BinHolders, sum.BinHolders);
        Assert.Equal(whole.BinLots, sum.BinLots);
        Assert.Equal(whole.BinCost, sum.BinCost);
        Assert.Equal(whole.BinUnderwaterLots, sum.BinUnderwaterLots);
    }

    [Fact]
    public void A_book_merges_histograms_by_class_and_instrument_and_keeps_the_others()
    {
        var retail = Histogram(0, (200, 10, Cost(100_000, 10), 0));
        var allocator = Histogram((int)ParticipantClass.Allocator, (190, 5, Cost(95_000, 5), 5));

        var book = new CostBasisBook([retail]).Add(new CostBasisBook([retail, allocator]));

        Assert.Equal([0, (int)ParticipantClass.Allocator], book.Histograms.Select(h => h.Class));
        Assert.Equal(20, book.Find(0, 0)!.Lots);
        Assert.Equal([20L], book.Find(0, 0)!.BinLots);
        Assert.Same(allocator, book.Find((int)ParticipantClass.Allocator, 0));
    }

    [Fact]
    public void Quantiles_are_the_mean_cost_of_the_bin_where_the_cumulative_lots_reach_q()
    {
        // Lots 10 | 30 | 60 in bins 190, 195, 200, with mean costs 95,100 / 97,600 / 100,250 ticks.
        var histogram = Histogram(0,
            (190, 10, Cost(95_100, 10), 0),
            (195, 30, Cost(97_600, 30), 0),
            (200, 60, Cost(100_250, 60), 60));

        Assert.Equal(95_100 * CashPerTickLot, CostBasisStatistics.Quantile(histogram, 0.10));  // cumulative 10 ≥ 10
        Assert.Equal(97_600 * CashPerTickLot, CostBasisStatistics.Quantile(histogram, 0.25));  // 40 ≥ 25
        Assert.Equal(97_600 * CashPerTickLot, CostBasisStatistics.Quantile(histogram, 0.40));
        Assert.Equal(100_250 * CashPerTickLot, CostBasisStatistics.Quantile(histogram, 0.41));
        Assert.Equal(100_250 * CashPerTickLot, CostBasisStatistics.Quantile(histogram, 0.90));
        Assert.Equal(((95_100 * 10) + (97_600 * 30) + (100_250 * 60)) / 100.0 * CashPerTickLot, CostBasisStatistics.Mean(histogram));
        Assert.Equal(0.6, CostBasisStatistics.UnderwaterShare(histogram));
        Assert.True(double.IsNaN(CostBasisStatistics.Quantile(CostBasisHistogram.Empty(0, 0), 0.5)));
    }

    [Fact]
    public void Overlap_is_the_sum_of_the_smaller_shares_bin_by_bin()
    {
        // Retail shares 0.25 / 0.5 / 0.25 in bins 1, 2, 3; institutions 0.5 / 0.5 in bins 2, 4.
        var retail = Histogram(0, (1, 25, 0, 0), (2, 50, 0, 40), (3, 25, 0, 25));
        var institutional = Histogram(6, (2, 10, 0, 10), (4, 10, 0, 10));

        Assert.Equal(0.5, CostBasisStatistics.Overlap(retail, institutional), 12);
        Assert.Equal(0.4, CostBasisStatistics.Overlap(retail, institutional, underwater: true), 12); // min(40/100, 10/20)
        Assert.Equal(1.0, CostBasisStatistics.Overlap(retail, retail), 12);
        Assert.Equal(0.0, CostBasisStatistics.Overlap(retail, CostBasisHistogram.Empty(6, 0)));
    }

    [Fact]
    public void Resonance_needs_the_overlap_and_both_groups_under_water()
    {
        var scenario = TestMarkets.Small() with { Metrics = MetricsSpec.Default with { ResonanceThreshold = 0.5, ResonanceUnderwater = 0.6 } };
        var report = new CostBasisReport(new MarketLayout(scenario));
        var allocator = (int)ParticipantClass.Allocator;
        var marketMaker = (int)ParticipantClass.MarketMaker;
        var retail = Histogram(0, (199, 30, Cost(99_900, 30), 0), (200, 70, Cost(100_200, 70), 70));

        // Institutions in the same two bins, 40 / 60: overlap 0.3 + 0.6 = 0.9; 60% under water.
        var book = new CostBasisBook([retail, Histogram(allocator, (199, 4, Cost(99_800, 4), 0), (200, 6, Cost(100_100, 6), 6))]);
        var row = Assert.Single(report.Rows(3, book, [100_000.0]).Resonance);
        Assert.Equal((0.9, 0.7, 0.6, 1), (Math.Round(row.Overlap, 12), row.RetailUnderwater, row.InstitutionalUnderwater, row.Resonance));
        Assert.Equal(0.6, row.UnderwaterOverlap, 12);  // under water only in bin 200: min(70/100, 6/10)
        Assert.Equal(100_000, row.Price);
        Assert.Equal(((99_800 * 4) + (100_100 * 6)) / 10.0, row.InstitutionalMean, 9);

        // Fewer institutional lots under water: no resonance, whatever the overlap.
        book = new CostBasisBook([retail, Histogram(allocator, (199, 5, Cost(99_800, 5), 0), (200, 5, Cost(100_100, 5), 5))]);
        Assert.Equal(0, Assert.Single(report.Rows(3, book, [100_000.0]).Resonance).Resonance);

        // A market maker is not institutional by default: alone, it leaves the institutional side empty.
        book = new CostBasisBook([retail, Histogram(marketMaker, (200, 6, Cost(100_100, 6), 6))]);
        row = Assert.Single(report.Rows(3, book, [100_000.0]).Resonance);
        Assert.Equal((0.0, 0.0, 0), (row.Overlap, row.InstitutionalUnits, row.Resonance));
        Assert.True(double.IsNaN(row.InstitutionalMean));
    }

    [Fact]
    public void Cost_basis_rows_report_each_class_in_prices()
    {
        var report = new CostBasisReport(Layout);
        var book = new CostBasisBook([Histogram(0, (199, 30, Cost(99_900, 30), 0), (200, 10, Cost(100_200, 10), 10))]);

        var row = Assert.Single(report.Rows(8, book, [100_000.0]).CostBasis);

        Assert.Equal(("retail", "BTC", 2L, 0.04), (row.ParticipantClass, row.Instrument, row.Holders, row.Units));
        Assert.Equal(((99_900 * 30) + (100_200 * 10)) / 40.0, row.MeanCost, 9);
        Assert.Equal((99_900.0, 99_900.0, 99_900.0, 99_900.0, 100_200.0), (row.Q10, row.Q25, row.Q50, row.Q75, row.Q90));
        Assert.Equal((0.5, 0.25), (row.UnderwaterHolders, row.UnderwaterUnits));
    }

    [Fact]
    public void A_position_keeps_its_average_cost_through_adds_sales_and_flips()
    {
        var position = PositionCost.At(10, 100, CashPerTickLot);         // 10 lots at 100: cost 1,000,000
        position.Fill(10, -Cost(120, 10));                                  // buy 10 at 120: 20 lots cost 2,200,000
        Assert.Equal((20L, 2_200_000L), (position.Units, position.Cost));

        position.Fill(-5, Cost(130, 5));                                    // sell 5: keeps 15 at the average 110
        Assert.Equal((15L, 1_650_000L), (position.Units, position.Cost));

        position.Fill(-25, Cost(90, 25));                                   // sell 25: flat, then short 10 at 90
        Assert.Equal((-10L, 900_000L), (position.Units, position.Cost));

        position.Resync(-4);                                                // the venue says 4 short: same average
        Assert.Equal((-4L, 360_000L), (position.Units, position.Cost));
        position.Resync(0);
        Assert.Equal((0L, 0L), (position.Units, position.Cost));
    }

    private static long Cost(long ticks, long lots) => ticks * lots * CashPerTickLot;

    private static CostBasisHistogram Histogram(int participantClass, params (long Bin, long Lots, long Cost, long Underwater)[] bins) => new(
        participantClass,
        0,
        bins.Length,
        bins.Sum(b => b.Lots),
        bins.Sum(b => b.Cost),
        bins.Count(b => b.Underwater > 0),
        bins.Sum(b => b.Underwater),
        [.. bins.Select(b => b.Bin)],
        [.. bins.Select(_ => 1L)],
        [.. bins.Select(b => b.Lots)],
        [.. bins.Select(b => b.Cost)],
        [.. bins.Select(b => b.Underwater)]);
}
