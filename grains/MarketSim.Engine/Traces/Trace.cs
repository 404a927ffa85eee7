namespace MarketSim.Engine.Traces;

/// <summary>The rows of a finished (or partial) run, in tick order, as the engine produced them.</summary>
public sealed class Trace
{
    public List<MarketRow> Market { get; } = [];
    public List<LiquidationRow> Liquidations { get; } = [];
    public List<FlowRow> Flows { get; } = [];
    public List<CostBasisRow> CostBasis { get; } = [];
    public List<ResonanceRow> Resonance { get; } = [];
    public List<TriggerRow> Triggers { get; } = [];
    public List<RestingLevelRow> RestingLevels { get; } = [];

    /// <summary>Appends one tick's rows.</summary>
    public void Add(TickRecord record)
    {
        Market.AddRange(record.Market);
        Liquidations.AddRange(record.Liquidations);
        Flows.AddRange(record.Flows);
        CostBasis.AddRange(record.CostBasis);
        Resonance.AddRange(record.Resonance);
        Triggers.AddRange(record.Triggers);
        RestingLevels.AddRange(record.RestingLevels);
    }
}
