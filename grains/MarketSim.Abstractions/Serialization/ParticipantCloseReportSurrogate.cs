using MarketSim.Engine.Contracts;

namespace MarketSim.Abstractions.Serialization;

/// <summary>
/// Wire form of <see cref="ParticipantCloseReport"/>: holdings, the cost-basis histograms (the book's list
/// inline) and the resting levels, as Orleans fields rather than JSON on their way up the fan-out tree.
/// </summary>
[GenerateSerializer]
public struct ParticipantCloseReportSurrogate
{
    [Id(0)] public Ledger Holdings;
    [Id(1)] public CostBasisHistogram[] CostBasis;
    [Id(2)] public RestingLevel[] RestingLevels;
}

[RegisterConverter]
public sealed class ParticipantCloseReportConverter : IConverter<ParticipantCloseReport, ParticipantCloseReportSurrogate>
{
    public ParticipantCloseReport ConvertFromSurrogate(in ParticipantCloseReportSurrogate s) =>
        new(s.Holdings, s.CostBasis.Length == 0 ? CostBasisBook.Empty : new CostBasisBook(s.CostBasis), s.RestingLevels);

    public ParticipantCloseReportSurrogate ConvertToSurrogate(in ParticipantCloseReport value) => new()
    {
        Holdings = value.Holdings,
        CostBasis = WireLists.ToArray(value.CostBasis.Histograms),
        RestingLevels = WireLists.ToArray(value.RestingLevels),
    };
}

/// <summary>Close reports are summed into new ones up the tree and never changed, so a local call shares them.</summary>
[RegisterCopier]
public sealed class ParticipantCloseReportCopier : SharingCopier<ParticipantCloseReport>;
