using MarketSim.Engine.Contracts;

namespace MarketSim.Abstractions.Serialization;

/// <summary>Wire form of <see cref="RoundOutcome"/>: the merged clearing round every participant settles against.</summary>
[GenerateSerializer]
public struct RoundOutcomeSurrogate
{
    [Id(0)] public int Round;
    [Id(1)] public BookRound[] Books;
    [Id(2)] public int LiquidationsQueued;
    [Id(3)] public int OrdersProcessed;
    [Id(4)] public bool Final;
}

[RegisterConverter]
public sealed class RoundOutcomeConverter : IConverter<RoundOutcome, RoundOutcomeSurrogate>
{
    public RoundOutcome ConvertFromSurrogate(in RoundOutcomeSurrogate s) =>
        new(s.Round, s.Books, s.LiquidationsQueued, s.OrdersProcessed, s.Final);

    public RoundOutcomeSurrogate ConvertToSurrogate(in RoundOutcome value) => new()
    {
        Round = value.Round,
        Books = value.Books,
        LiquidationsQueued = value.LiquidationsQueued,
        OrdersProcessed = value.OrdersProcessed,
        Final = value.Final,
    };
}

/// <summary>Every participant reads the same <see cref="RoundOutcome"/> and none changes it, so a local call shares it.</summary>
[RegisterCopier]
public sealed class RoundOutcomeCopier : SharingCopier<RoundOutcome>;
