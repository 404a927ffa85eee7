using MarketSim.Engine.Contracts;

namespace MarketSim.Abstractions.Serialization;

/// <summary>Wire form of <see cref="TriggerLevel"/>, forced orders at one price level: its fields as they are.</summary>
[GenerateSerializer]
public struct TriggerLevelSurrogate
{
    [Id(0)] public int Book;
    [Id(1)] public long Level;
    [Id(2)] public long StopOrders;
    [Id(3)] public long StopLots;
    [Id(4)] public long MarginOrders;
    [Id(5)] public long MarginLots;
    [Id(6)] public long StopFilled;
    [Id(7)] public long MarginFilled;
}

[RegisterConverter]
public sealed class TriggerLevelConverter : IConverter<TriggerLevel, TriggerLevelSurrogate>
{
    public TriggerLevel ConvertFromSurrogate(in TriggerLevelSurrogate s) =>
        new(s.Book, s.Level, s.StopOrders, s.StopLots, s.MarginOrders, s.MarginLots, s.StopFilled, s.MarginFilled);

    public TriggerLevelSurrogate ConvertToSurrogate(in TriggerLevel value) => new()
    {
        Book = value.Book,
        Level = value.Level,
        StopOrders = value.StopOrders,
        StopLots = value.StopLots,
        MarginOrders = value.MarginOrders,
        MarginLots = value.MarginLots,
        StopFilled = value.StopFilled,
        MarginFilled = value.MarginFilled,
    };
}
