using MarketSim.Engine.Checkpoints;

namespace MarketSim.Engine.Participants.Institutions;

// The mirror of the margin account, external cash and the redemption rule's day-start equity.
// Subclasses with state of their own override both methods and call these first.
public abstract partial class MarginTrader
{
    public virtual void Save(CheckpointWriter writer)
    {
        writer.Section(nameof(MarginTrader));
        writer.Write(Slot.Endpoint);
        writer.Write(Cash);
        writer.Write(Units);
        writer.Write(External);
        writer.Write(_clientSeq);
        writer.Write(_dayStartEquity);
        _positionCost.Save(writer);
        writer.Write(_lastPrice);
    }

    public virtual void Restore(CheckpointReader reader)
    {
        reader.Section(nameof(MarginTrader));
        Checkpoint.ExpectEndpoint(reader, Slot.Endpoint);
        Cash = reader.ReadLong();
        Units = reader.ReadLong();
        External = reader.ReadLong();
        _clientSeq = reader.ReadInt();
        _dayStartEquity = reader.ReadLong();
        _positionCost = PositionCost.Read(reader);
        _lastPrice = reader.ReadLong();
    }
}
