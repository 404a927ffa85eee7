namespace MarketSim.Engine.Contracts;

/// <summary>
/// What participants report when a tick closes: the cash and units they hold (<see cref="Holdings"/>, which the
/// conservation check counts) and, for the metrics only, the cost basis of their long positions by class and
/// instrument and the stop-losses and liquidation prices they keep armed near each book's close. Integer sums
/// and ordered merges, so adding up any partition of the participants (a grain tree) gives the same report.
/// </summary>
public sealed record ParticipantCloseReport(Ledger Holdings, CostBasisBook CostBasis, IReadOnlyList<RestingLevel> RestingLevels)
{
    public static ParticipantCloseReport Empty(int instruments) => new(Ledger.Zero(instruments), CostBasisBook.Empty, []);

    public ParticipantCloseReport Add(ParticipantCloseReport other) =>
        new(Holdings.Add(other.Holdings), CostBasis.Add(other.CostBasis), RestingLevel.Add(RestingLevels, other.RestingLevels));

    public static ParticipantCloseReport Sum(int instruments, IEnumerable<ParticipantCloseReport> reports) =>
        reports.Aggregate(Empty(instruments), (total, r) => total.Add(r));
}
