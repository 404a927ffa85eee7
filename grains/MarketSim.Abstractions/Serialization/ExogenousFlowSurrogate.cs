using MarketSim.Engine.Contracts;

namespace MarketSim.Abstractions.Serialization;

/// <summary>Wire form of <see cref="ExogenousFlow"/>, one participant's exogenous cash in one tick: its fields as they are.</summary>
[GenerateSerializer]
public struct ExogenousFlowSurrogate
{
    [Id(0)] public long Owner;
    [Id(1)] public long Cash;
}

[RegisterConverter]
public sealed class ExogenousFlowConverter : IConverter<ExogenousFlow, ExogenousFlowSurrogate>
{
    public ExogenousFlow ConvertFromSurrogate(in ExogenousFlowSurrogate s) =>
        new(s.Owner, s.Cash);

    public ExogenousFlowSurrogate ConvertToSurrogate(in ExogenousFlow value) => new()
    {
        Owner = value.Owner,
        Cash = value.Cash,
    };
}
