using MarketSim.Engine.Contracts;

namespace MarketSim.Abstractions.Serialization;

/// <summary>Wire form of <see cref="VenueTickReport"/>: a venue's close of a tick, its trigger and resting levels included.</summary>
[GenerateSerializer]
public struct VenueTickReportSurrogate
{
    [Id(0)] public int Venue;
    [Id(1)] public BookBar[] Bars;
    [Id(2)] public ClassFlow[] Flows;
    [Id(3)] public MarginView[] MarginAccounts;
    [Id(4)] public long InsuranceFund;
    [Id(5)] public Ledger Holdings;
    [Id(6)] public TriggerLevel[] Triggers;
    [Id(7)] public RestingLevel[] RestingLevels;
}

[RegisterConverter]
public sealed class VenueTickReportConverter : IConverter<VenueTickReport, VenueTickReportSurrogate>
{
    public VenueTickReport ConvertFromSurrogate(in VenueTickReportSurrogate s) =>
        new(s.Venue, s.Bars, s.Flows, s.MarginAccounts, s.InsuranceFund, s.Holdings) { Triggers = s.Triggers, RestingLevels = s.RestingLevels };

    public VenueTickReportSurrogate ConvertToSurrogate(in VenueTickReport value) => new()
    {
        Venue = value.Venue,
        Bars = WireLists.ToArray(value.Bars),
        Flows = WireLists.ToArray(value.Flows),
        MarginAccounts = WireLists.ToArray(value.MarginAccounts),
        InsuranceFund = value.InsuranceFund,
        Holdings = value.Holdings,
        Triggers = WireLists.ToArray(value.Triggers),
        RestingLevels = WireLists.ToArray(value.RestingLevels),
    };
}

/// <summary>A venue builds a new <see cref="VenueTickReport"/> at every close and keeps no hold on it, so a local call shares it.</summary>
[RegisterCopier]
public sealed class VenueTickReportCopier : SharingCopier<VenueTickReport>;
