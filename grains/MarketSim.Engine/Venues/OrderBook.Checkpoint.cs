using MarketSim.Engine.Checkpoints;
using MarketSim.Engine.Orders;

namespace MarketSim.Engine.Venues;

// The book's checkpoint: the slot pool as it is (free list, generations and links included, so a
// restored book allocates the same slots in the same order), the levels and owner heads that
// point into it, the waiting stops and the stop sequence. Dictionaries are written in key order so
// the bytes do not depend on insertion history.
public sealed partial class OrderBook
{
    public void Save(CheckpointWriter writer)
    {
        writer.Section(nameof(OrderBook));
        writer.Write(LastPrice);
        writer.Write(_floor);
        writer.Write(_ceiling);
        writer.Write(RestingOrders);
        writer.Write(_freeHead);
        writer.Write(_used);
        writer.Write(_sequence);
        writer.Write(_slots.Length);
        for (var i = 0; i < _used; i++)
        {
            ref readonly var s = ref _slots[i];
            writer.Write(s.Owner);
            writer.Write(s.Endpoint);
            writer.Write((byte)s.Origin);
            writer.Write((byte)s.Side);
            writer.Write(s.Live);
            writer.Write(s.Generation);
            writer.Write(s.Price);
            writer.Write(s.Remaining);
            writer.Write(s.Next);
            writer.Write(s.Prev);
            writer.Write(s.OwnerNext);
            writer.Write(s.OwnerPrev);
        }

        SaveLevels(writer, _bidLevels);
        SaveLevels(writer, _askLevels);
        writer.Write(_ownerHead.Count);
        foreach (var (owner, slot) in _ownerHead.OrderBy(h => h.Key))
        {
            writer.Write(owner);
            writer.Write(slot);
        }

        writer.Write(_stops.Count);
        foreach (var (sequence, stop) in _stops.OrderBy(s => s.Key))
        {
            writer.Write(sequence);
            Write(writer, stop);
        }

        writer.Write(_goodForTick.Count);
        foreach (var (slot, generation) in _goodForTick)
        {
            writer.Write(slot);
            writer.Write(generation);
        }
    }

    public void Restore(CheckpointReader reader)
    {
        reader.Section(nameof(OrderBook));
        LastPrice = reader.ReadLong();
        _floor = reader.ReadLong();
        _ceiling = reader.ReadLong();
        RestingOrders = reader.ReadInt();
        _freeHead = reader.ReadInt();
        _used = reader.ReadInt();
        _sequence = reader.ReadLong();
        _slots = new Slot[reader.ReadInt()];
        for (var i = 0; i < _used; i++)
        {
            ref var s = ref _slots[i];
            s.Owner = reader.ReadLong();
            s.Endpoint = reader.ReadInt();
            s.Origin = (OrderOrigin)reader.ReadByte();
            s.Side = (Side)reader.ReadByte();
            s.Live = reader.ReadBool();
            s.Generation = reader.ReadInt();
            s.Price = reader.ReadLong();
            s.Remaining = reader.ReadLong();
            s.Next = reader.ReadInt();
            s.Prev = reader.ReadInt();
            s.OwnerNext = reader.ReadInt();
            s.OwnerPrev = reader.ReadInt();
        }

        RestoreLevels(reader, _bidLevels, _bidPrices);
        RestoreLevels(reader, _askLevels, _askPrices);
        _ownerHead.Clear();
        for (var n = reader.ReadInt(); n > 0; n--)
        {
            _ownerHead.Add(reader.ReadLong(), reader.ReadInt());
        }

        _stops.Clear();
        _stopsOf.Clear();
        _sellStops.Clear();
        _buyStops.Clear();
        for (var n = reader.ReadInt(); n > 0; n--)
        {
            var sequence = reader.ReadLong();
            var stop = ReadOrder(reader);
            AddStop(sequence, stop);
            (stop.Side == Side.Sell ? _sellStops : _buyStops).Add(new StopKey(stop.StopPrice, sequence));
        }

        _goodForTick.Clear();
        for (var n = reader.ReadInt(); n > 0; n--)
        {
            _goodForTick.Add((reader.ReadInt(), reader.ReadInt()));
        }
    }

    /// <summary>Writes one order as it reaches a book; the venue's queue uses it too.</summary>
    internal static void Write(CheckpointWriter writer, in IncomingOrder order)
    {
        writer.Write(order.Owner);
        writer.Write(order.Endpoint);
        writer.Write((byte)order.Side);
        writer.Write((byte)order.Type);
        writer.Write((byte)order.Origin);
        writer.Write((byte)order.TimeInForce);
        writer.Write(order.Price);
        writer.Write(order.StopPrice);
        writer.Write(order.Quantity);
    }

    internal static IncomingOrder ReadOrder(CheckpointReader reader) => new(
        reader.ReadLong(),
        reader.ReadInt(),
        (Side)reader.ReadByte(),
        (OrderType)reader.ReadByte(),
        (OrderOrigin)reader.ReadByte(),
        (TimeInForce)reader.ReadByte(),
        reader.ReadLong(),
        reader.ReadLong(),
        reader.ReadLong());

    private static void SaveLevels(CheckpointWriter writer, Dictionary<long, PriceLevel> levels)
    {
        writer.Write(levels.Count);
        foreach (var (price, level) in levels.OrderBy(l => l.Key))
        {
            writer.Write(price);
            writer.Write(level.Head);
            writer.Write(level.Tail);
            writer.Write(level.Quantity);
        }
    }

    private static void RestoreLevels(CheckpointReader reader, Dictionary<long, PriceLevel> levels, SortedSet<long> prices)
    {
        levels.Clear();
        prices.Clear();
        for (var n = reader.ReadInt(); n > 0; n--)
        {
            var price = reader.ReadLong();
            levels.Add(price, new PriceLevel { Head = reader.ReadInt(), Tail = reader.ReadInt(), Quantity = reader.ReadLong() });
            prices.Add(price);
        }
    }
}
