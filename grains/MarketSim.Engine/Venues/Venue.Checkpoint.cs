using MarketSim.Engine.Checkpoints;
using MarketSim.Engine.Orders;

namespace MarketSim.Engine.Venues;

// The venue's checkpoint: its books and tallies, the liquidation engine, every margin account, fee
// revenue, orders still queued (a final cascade round can leave liquidations for the next tick's
// first clear) and fills not yet taken.
public sealed partial class Venue
{
    public void Save(CheckpointWriter writer)
    {
        writer.Section(nameof(Venue));
        writer.Write(Index);
        writer.Write(_feeRevenue);
        writer.Write(_tick);
        writer.Write(_round);
        foreach (var book in _books)
        {
            writer.Write(book);
        }

        foreach (var tally in _tallies)
        {
            writer.Write(tally);
        }

        writer.Write(_liquidation);
        writer.Write(_marginAccounts.Count);
        foreach (var account in _marginAccounts.Values)
        {
            writer.Write(account.Owner);
            writer.Write(account.Cash);
            writer.Write(account.Units);
            writer.Write(account.Liquidating);
        }

        writer.Write(_pending.Count);
        foreach (var pending in _pending)
        {
            writer.Write(pending.Band);
            writer.Write(pending.Owner);
            writer.Write(pending.ClientSeq);
            writer.Write(pending.Instrument);
            OrderBook.Write(writer, pending.Order);
        }

        writer.Write(_fills.Count);
        foreach (var (endpoint, fills) in _fills.OrderBy(f => f.Key))
        {
            writer.Write(endpoint);
            writer.Write(fills);
        }
    }

    public void Restore(CheckpointReader reader)
    {
        reader.Section(nameof(Venue));
        var index = reader.ReadInt();
        if (index != Index)
        {
            throw new CheckpointMismatchException($"checkpoint of venue {index} restored into venue {Index}");
        }

        _feeRevenue = reader.ReadLong();
        _tick = reader.ReadLong();
        _round = reader.ReadInt();
        foreach (var book in _books)
        {
            reader.Read(book);
        }

        foreach (var tally in _tallies)
        {
            reader.Read(tally);
        }

        reader.Read(_liquidation);
        var accounts = reader.ReadInt();
        if (accounts != _marginAccounts.Count)
        {
            throw new CheckpointMismatchException($"venue {Index}: checkpoint has {accounts} margin accounts, this layout {_marginAccounts.Count}");
        }

        for (var n = 0; n < accounts; n++)
        {
            var owner = reader.ReadLong();
            var account = _marginAccounts.GetValueOrDefault(owner) ?? throw new CheckpointMismatchException($"venue {Index} has no margin account {owner}");
            account.Cash = reader.ReadLong();
            account.Units = reader.ReadLong();
            account.Liquidating = reader.ReadBool();
        }

        _pending.Clear();
        for (var n = reader.ReadInt(); n > 0; n--)
        {
            _pending.Add(new PendingOrder(reader.ReadInt(), reader.ReadLong(), reader.ReadInt(), reader.ReadInt(), OrderBook.ReadOrder(reader)));
        }

        _fills.Clear();
        for (var n = reader.ReadInt(); n > 0; n--)
        {
            var endpoint = reader.ReadInt();
            var fills = new FillBatchBuilder();
            reader.Read(fills);
            _fills.Add(endpoint, fills);
        }
    }
}
