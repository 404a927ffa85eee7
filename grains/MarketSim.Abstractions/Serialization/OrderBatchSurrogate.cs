using MarketSim.Engine.Orders;

namespace MarketSim.Abstractions.Serialization;

/// <summary>
/// Wire form of <see cref="OrderBatch"/>: the Engine type stays free of Orleans, and its parallel
/// arrays go over the wire as primitive blocks.
/// </summary>
[GenerateSerializer]
public struct OrderBatchSurrogate
{
    [Id(0)] public int Count;
    [Id(1)] public long[] Owner;
    [Id(2)] public int[] ClientSeq;
    [Id(3)] public byte[] Side;
    [Id(4)] public byte[] Type;
    [Id(5)] public byte[] Origin;
    [Id(6)] public byte[] TimeInForce;
    [Id(7)] public int[] Instrument;
    [Id(8)] public long[] Price;
    [Id(9)] public long[] StopPrice;
    [Id(10)] public long[] Quantity;
}

[RegisterConverter]
public sealed class OrderBatchConverter : IConverter<OrderBatch, OrderBatchSurrogate>
{
    public OrderBatch ConvertFromSurrogate(in OrderBatchSurrogate s) =>
        new(s.Count, s.Owner, s.ClientSeq, s.Side, s.Type, s.Origin, s.TimeInForce, s.Instrument, s.Price, s.StopPrice, s.Quantity);

    public OrderBatchSurrogate ConvertToSurrogate(in OrderBatch b) => new()
    {
        Count = b.Count,
        Owner = b.Owner,
        ClientSeq = b.ClientSeq,
        Side = b.Side,
        Type = b.Type,
        Origin = b.Origin,
        TimeInForce = b.TimeInForce,
        Instrument = b.Instrument,
        Price = b.Price,
        StopPrice = b.StopPrice,
        Quantity = b.Quantity,
    };
}

/// <summary>An <see cref="OrderBatch"/> is immutable once built, so a local call may share it.</summary>
[RegisterCopier]
public sealed class OrderBatchCopier : SharingCopier<OrderBatch>;
