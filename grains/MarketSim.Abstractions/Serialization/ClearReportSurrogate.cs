using MarketSim.Engine.Contracts;

namespace MarketSim.Abstractions.Serialization;

/// <summary>Wire form of <see cref="ClearReport"/>: one venue's clearing round.</summary>
[GenerateSerializer]
public struct ClearReportSurrogate
{
    [Id(0)] public int Venue;
    [Id(1)] public BookRound[] Books;
    [Id(2)] public int LiquidationsQueued;
    [Id(3)] public int OrdersProcessed;
}

[RegisterConverter]
public sealed class ClearReportConverter : IConverter<ClearReport, ClearReportSurrogate>
{
    public ClearReport ConvertFromSurrogate(in ClearReportSurrogate s) =>
        new(s.Venue, s.Books, s.LiquidationsQueued, s.OrdersProcessed);

    public ClearReportSurrogate ConvertToSurrogate(in ClearReport value) => new()
    {
        Venue = value.Venue,
        Books = WireLists.ToArray(value.Books),
        LiquidationsQueued = value.LiquidationsQueued,
        OrdersProcessed = value.OrdersProcessed,
    };
}

/// <summary>A venue builds a new <see cref="ClearReport"/> every round and keeps no hold on it, so a local call shares it.</summary>
[RegisterCopier]
public sealed class ClearReportCopier : SharingCopier<ClearReport>;
