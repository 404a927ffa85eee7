using MarketSim.Engine.Contracts;

namespace MarketSim.Abstractions.Serialization;

/// <summary>Wire form of <see cref="CostBasisHistogram"/>: totals and the sparse bins as primitive blocks.</summary>
[GenerateSerializer]
public struct CostBasisHistogramSurrogate
{
    [Id(0)] public int Class;
    [Id(1)] public int Instrument;
    [Id(2)] public long Holders;
    [Id(3)] public long Lots;
    [Id(4)] public long Cost;
    [Id(5)] public long UnderwaterHolders;
    [Id(6)] public long UnderwaterLots;
    [Id(7)] public long[] Bins;
    [Id(8)] public long[] BinHolders;
    [Id(9)] public long[] BinLots;
    [Id(10)] public long[] BinCost;
    [Id(11)] public long[] BinUnderwaterLots;
}

[RegisterConverter]
public sealed class CostBasisHistogramConverter : IConverter<CostBasisHistogram, CostBasisHistogramSurrogate>
{
    public CostBasisHistogram ConvertFromSurrogate(in CostBasisHistogramSurrogate s) =>
        new(s.Class, s.Instrument, s.Holders, s.Lots, s.Cost, s.UnderwaterHolders, s.UnderwaterLots, s.Bins, s.BinHolders, s.BinLots, s.BinCost, s.BinUnderwaterLots);

    public CostBasisHistogramSurrogate ConvertToSurrogate(in CostBasisHistogram value) => new()
    {
        Class = value.Class,
        Instrument = value.Instrument,
        Holders = value.Holders,
        Lots = value.Lots,
        Cost = value.Cost,
        UnderwaterHolders = value.UnderwaterHolders,
        UnderwaterLots = value.UnderwaterLots,
        Bins = value.Bins,
        BinHolders = value.BinHolders,
        BinLots = value.BinLots,
        BinCost = value.BinCost,
        BinUnderwaterLots = value.BinUnderwaterLots,
    };
}
