using MarketSim.Engine.Contracts;

namespace MarketSim.Abstractions.Serialization;

/// <summary>Wire form of <see cref="ClassFlow"/>, what one participant class traded in one book: its fields as they are.</summary>
[GenerateSerializer]
public struct ClassFlowSurrogate
{
    [Id(0)] public int Book;
    [Id(1)] public int Class;
    [Id(2)] public long BoughtUnits;
    [Id(3)] public long SoldUnits;
    [Id(4)] public long BoughtNotional;
    [Id(5)] public long SoldNotional;
}

[RegisterConverter]
public sealed class ClassFlowConverter : IConverter<ClassFlow, ClassFlowSurrogate>
{
    public ClassFlow ConvertFromSurrogate(in ClassFlowSurrogate s) =>
        new(s.Book, s.Class, s.BoughtUnits, s.SoldUnits, s.BoughtNotional, s.SoldNotional);

    public ClassFlowSurrogate ConvertToSurrogate(in ClassFlow value) => new()
    {
        Book = value.Book,
        Class = value.Class,
        BoughtUnits = value.BoughtUnits,
        SoldUnits = value.SoldUnits,
        BoughtNotional = value.BoughtNotional,
        SoldNotional = value.SoldNotional,
    };
}
