using MarketSim.Engine.Contracts;

namespace MarketSim.Abstractions.Serialization;

/// <summary>Wire form of <see cref="MarginView"/>, a margin account as its venue closed it: its fields as they are.</summary>
[GenerateSerializer]
public struct MarginViewSurrogate
{
    [Id(0)] public int Venue;
    [Id(1)] public long Owner;
    [Id(2)] public int Instrument;
    [Id(3)] public long Cash;
    [Id(4)] public long Units;
}

[RegisterConverter]
public sealed class MarginViewConverter : IConverter<MarginView, MarginViewSurrogate>
{
    public MarginView ConvertFromSurrogate(in MarginViewSurrogate s) =>
        new(s.Venue, s.Owner, s.Instrument, s.Cash, s.Units);

    public MarginViewSurrogate ConvertToSurrogate(in MarginView value) => new()
    {
        Venue = value.Venue,
        Owner = value.Owner,
        Instrument = value.Instrument,
        Cash = value.Cash,
        Units = value.Units,
    };
}
