using MarketSim.Engine.Checkpoints;

namespace MarketSim.Engine.Participants.Retail;

// What changes per agent over a run: cash, units, cost basis, stop, the stop on the book, realized profit and flags.
// Behaviour, home venue, leverage and stop distance are drawn once from the agent's id by the
// constructor, so a freshly built cohort already has them.
public sealed partial class RetailCohort
{
    public void Save(CheckpointWriter writer)
    {
        writer.Section(nameof(RetailCohort));
        writer.Write(Slot.Endpoint);
        writer.Write(_cash);
        writer.Write(_units);
        writer.Write(_cost);
        writer.Write(_stop);
        writer.Write(_flags);
        writer.Write(_bookStop);
        writer.Write(_bookStopLots);
        writer.Write(_lastPrice);
    }

    public void Restore(CheckpointReader reader)
    {
        reader.Section(nameof(RetailCohort));
        Checkpoint.ExpectEndpoint(reader, Slot.Endpoint);
        reader.ReadInto(_cash, "cash");
        reader.ReadInto(_units, "units");
        reader.ReadInto(_cost, "cost");
        reader.ReadInto(_stop, "stop");
        reader.ReadInto(_flags, "flags");
        reader.ReadInto(_bookStop, "book stop");
        reader.ReadInto(_bookStopLots, "book stop lots");
        reader.ReadInto(_lastPrice, "last price");
    }
}
