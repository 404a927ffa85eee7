using MarketSim.Engine.Contracts;

namespace MarketSim.Abstractions.Serialization;

/// <summary>Wire form of <see cref="RestingLevel"/>, what is armed at one price level: its fields as they are.</summary>
[GenerateSerializer]
public struct RestingLevelSurrogate
{
    [Id(0)] public int Book;
    [Id(1)] public long Bin;
    [Id(2)] public long Stops;
    [Id(3)] public long StopLots;
    [Id(4)] public long Liquidations;
    [Id(5)] public long LiquidationLots;
}

[RegisterConverter]
public sealed class RestingLevelConverter : IConverter<RestingLevel, RestingLevelSurrogate>
{
    public RestingLevel ConvertFromSurrogate(in RestingLevelSurrogate s) =>
        new(s.Book, s.Bin, s.Stops, s.StopLots, s.Liquidations, s.LiquidationLots);

    public RestingLevelSurrogate ConvertToSurrogate(in RestingLevel value) => new()
    {
        Book = value.Book,
        Bin = value.Bin,
        Stops = value.Stops,
        StopLots = value.StopLots,
        Liquidations = value.Liquidations,
        LiquidationLots = value.LiquidationLots,
    };
}
