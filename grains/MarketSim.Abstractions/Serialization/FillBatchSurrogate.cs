using MarketSim.Engine.Orders;

namespace MarketSim.Abstractions.Serialization;

/// <summary>Wire form of <see cref="FillBatch"/>.</summary>
[GenerateSerializer]
public struct FillBatchSurrogate
{
    [Id(0)] public int Count;
    [Id(1)] public long[] Owner;
    [Id(2)] public byte[] Side;
    [Id(3)] public int[] Instrument;
    [Id(4)] public long[] Price;
    [Id(5)] public long[] Quantity;
    [Id(6)] public long[] CashDelta;
    [Id(7)] public byte[] Origin;
}

[RegisterConverter]
public sealed class FillBatchConverter : IConverter<FillBatch, FillBatchSurrogate>
{
    public FillBatch ConvertFromSurrogate(in FillBatchSurrogate s) =>
        new(s.Count, s.Owner, s.Side, s.Instrument, s.Price, s.Quantity, s.CashDelta, s.Origin);

    public FillBatchSurrogate ConvertToSurrogate(in FillBatch b) => new()
    {
        Count = b.Count,
        Owner = b.Owner,
        Side = b.Side,
        Instrument = b.Instrument,
        Price = b.Price,
        Quantity = b.Quantity,
        CashDelta = b.CashDelta,
        Origin = b.Origin,
    };
}

/// <summary>A <see cref="FillBatch"/> is immutable once built, so a local call may share it.</summary>
[RegisterCopier]
public sealed class FillBatchCopier : SharingCopier<FillBatch>;
