using MarketSim.Engine.Checkpoints;
using MarketSim.Engine.Contracts;

namespace MarketSim.Engine.Simulation;

// The coordinator's side of a checkpoint, taken between ticks: the snapshot participants will see
// next (the event timeline's sentiment and flows are recomputed from its tick), the volatility
// indexes and the opening totals that conservation is checked against. Venues and participants
// save their own state.
public sealed partial class TickCycle
{
    public void Save(CheckpointWriter writer)
    {
        writer.Section(nameof(TickCycle));
        writer.Write(Snapshot.Tick);
        writer.Write(Snapshot.Books.Count);
        foreach (var quote in Snapshot.Books)
        {
            writer.Write(quote.Book);
            writer.Write(quote.Last);
            writer.Write(quote.BestBid);
            writer.Write(quote.BestAsk);
            writer.Write(quote.Closes);
        }

        writer.Write(Snapshot.MarginAccounts.Count);
        foreach (var account in Snapshot.MarginAccounts)
        {
            writer.Write(account.Venue);
            writer.Write(account.Owner);
            writer.Write(account.Instrument);
            writer.Write(account.Cash);
            writer.Write(account.Units);
        }

        foreach (var index in _volatility)
        {
            writer.Write(index);
        }

        writer.Write(_opening is not null);
        if (_opening is { } opening)
        {
            writer.Write(opening.Cash);
            writer.Write(opening.Units);
            writer.Write(opening.Issued);
            writer.Write(opening.Reserves);
            writer.Write(opening.External);
        }

        _marks.Save(writer);
    }

    public void Restore(CheckpointReader reader)
    {
        reader.Section(nameof(TickCycle));
        var tick = reader.ReadLong();
        var books = new BookQuote[reader.ReadInt()];
        if (books.Length != _layout.Books.Count)
        {
            throw new CheckpointMismatchException($"checkpoint has {books.Length} books, this layout {_layout.Books.Count}");
        }

        for (var i = 0; i < books.Length; i++)
        {
            books[i] = new BookQuote(reader.ReadInt(), reader.ReadLong(), reader.ReadLong(), reader.ReadLong(), reader.ReadLongs());
        }

        var margin = new MarginView[reader.ReadInt()];
        for (var i = 0; i < margin.Length; i++)
        {
            margin[i] = new MarginView(reader.ReadInt(), reader.ReadLong(), reader.ReadInt(), reader.ReadLong(), reader.ReadLong());
        }

        foreach (var index in _volatility)
        {
            reader.Read(index);
        }

        _opening = reader.ReadBool()
            ? new Ledger(reader.ReadLong(), reader.ReadLongs(), reader.ReadLongs(), reader.ReadLongs()) { External = reader.ReadLong() }
            : null;
        _marks.Restore(reader);
        Snapshot = WithEvents(new MarketSnapshot(tick, books, margin));
    }
}
