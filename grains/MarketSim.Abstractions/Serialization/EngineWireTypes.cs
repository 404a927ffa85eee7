using MarketSim.Engine.Contracts;
using MarketSim.Engine.Orders;

namespace MarketSim.Abstractions.Serialization;

/// <summary>The Engine types with an Orleans wire form of their own in this folder.</summary>
public static class EngineWireTypes
{
    /// <summary>
    /// Engine types that cross grain calls every tick and have Orleans wire forms here (a surrogate and
    /// its converter each; the messages among them also a copier that shares them on a local call). The
    /// JSON codec leaves them alone.
    /// </summary>
    public static readonly IReadOnlySet<Type> All = new HashSet<Type>
    {
        typeof(OrderBatch), typeof(FillBatch),
        typeof(RoundOutcome), typeof(ClearReport), typeof(BookRound),
        typeof(VenueTickReport), typeof(BookBar), typeof(ClassFlow), typeof(MarginView), typeof(TriggerLevel), typeof(RestingLevel),
        typeof(ParticipantCloseReport), typeof(CostBasisHistogram), typeof(Ledger), typeof(ExogenousFlow),
    };
}
