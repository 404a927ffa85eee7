using MarketSim.Engine.Contracts;
using MarketSim.Engine.Markets;
using MarketSim.Engine.Traces;

namespace MarketSim.Engine.Metrics.CostBasis;

/// <summary>
/// Turns a tick's merged cost-basis histograms into rows of the <c>cost_basis</c> and <c>resonance</c> tables.
/// </summary>
/// <remarks>
/// Resonance in an instrument compares the retail distribution with the institutional one (the classes in
/// <see cref="Scenarios.MetricsSpec.Institutional"/>, added together): <c>overlap</c> = Σ_b min(p_retail(b),
/// p_institutional(b)) over cost bins b, with p(b) a bin's share of the group's units; <c>resonance</c> is 1
/// when overlap ≥ <see cref="Scenarios.MetricsSpec.ResonanceThreshold"/> and both groups have at least
/// <see cref="Scenarios.MetricsSpec.ResonanceUnderwater"/> of their units under water (each holder against the
/// close of its own book): their costs coincide, and above the price. The row's price is the mean close over
/// the venues that list the instrument.
/// </remarks>
public sealed class CostBasisReport
{
    /// <summary>The class label of the institutional histogram, which adds several classes.</summary>
    private const int Institutional = -1;

    private static readonly double[] Quantiles = [0.10, 0.25, 0.50, 0.75, 0.90];

    private readonly MarketLayout _layout;
    private readonly bool[] _institutional = new bool[ParticipantClasses.Count];

    public CostBasisReport(MarketLayout layout)
    {
        _layout = layout;
        Grid = new CostBasisGrid(layout);
        foreach (var c in Enum.GetValues<ParticipantClass>())
        {
            _institutional[(int)c] = layout.Scenario.Metrics.Institutional.Contains(c.TraceName(), StringComparer.Ordinal);
        }
    }

    public CostBasisGrid Grid { get; }

    /// <summary>The tick's rows; <paramref name="closes"/> holds each instrument's mean close in ticks (NaN when it has no book).</summary>
    public (List<CostBasisRow> CostBasis, List<ResonanceRow> Resonance) Rows(long tick, CostBasisBook book, IReadOnlyList<double> closes)
    {
        var costRows = new List<CostBasisRow>();
        foreach (var histogram in book.Histograms)
        {
            var instrument = _layout.Instruments[histogram.Instrument];
            var q = Quantiles.Select(p => Price(instrument, CostBasisStatistics.Quantile(histogram, p))).ToArray();
            costRows.Add(new CostBasisRow(
                tick, ((ParticipantClass)histogram.Class).TraceName(), instrument.Id, histogram.Holders, instrument.Quantity(histogram.Lots),
                Price(instrument, CostBasisStatistics.Mean(histogram)), q[0], q[1], q[2], q[3], q[4],
                CostBasisStatistics.UnderwaterShare(histogram, byHolders: true), CostBasisStatistics.UnderwaterShare(histogram)));
        }

        var resonanceRows = new List<ResonanceRow>();
        var spec = _layout.Scenario.Metrics;
        foreach (var instrument in _layout.Instruments.Where(i => Grid.Reports(i.Index)))
        {
            var retail = book.Find((int)ParticipantClass.Retail, instrument.Index) ?? CostBasisHistogram.Empty((int)ParticipantClass.Retail, instrument.Index);
            var institutional = CostBasisStatistics.Sum(book.Histograms.Where(h => h.Instrument == instrument.Index && _institutional[h.Class]), Institutional)
                ?? CostBasisHistogram.Empty(Institutional, instrument.Index);
            var retailUnderwater = CostBasisStatistics.UnderwaterShare(retail);
            var institutionalUnderwater = CostBasisStatistics.UnderwaterShare(institutional);
            var overlap = CostBasisStatistics.Overlap(retail, institutional);
            var resonance = overlap >= spec.ResonanceThreshold && overlap > 0
                && retailUnderwater >= spec.ResonanceUnderwater && institutionalUnderwater >= spec.ResonanceUnderwater;
            resonanceRows.Add(new ResonanceRow(
                tick, instrument.Id, closes[instrument.Index] * (double)instrument.TickSize,
                instrument.Quantity(retail.Lots), instrument.Quantity(institutional.Lots),
                Price(instrument, CostBasisStatistics.Mean(retail)), Quantile(instrument, retail, 0.25), Quantile(instrument, retail, 0.5), Quantile(instrument, retail, 0.75),
                Price(instrument, CostBasisStatistics.Mean(institutional)), Quantile(instrument, institutional, 0.25), Quantile(instrument, institutional, 0.5), Quantile(instrument, institutional, 0.75),
                retailUnderwater, institutionalUnderwater, overlap, CostBasisStatistics.Overlap(retail, institutional, underwater: true),
                resonance ? 1 : 0));
        }

        return (costRows, resonanceRows);
    }

    private static double Quantile(Instrument instrument, CostBasisHistogram histogram, double q) =>
        Price(instrument, CostBasisStatistics.Quantile(histogram, q));

    /// <summary>Cash units per lot as a price.</summary>
    private static double Price(Instrument instrument, double cashPerLot) => cashPerLot / instrument.CashPerTickLot * (double)instrument.TickSize;
}
