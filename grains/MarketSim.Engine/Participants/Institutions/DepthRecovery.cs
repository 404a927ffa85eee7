using MarketSim.Engine.Checkpoints;

namespace MarketSim.Engine.Participants.Institutions;

/// <summary>
/// Depth that refills at a rate (the resilience of the book's shape, next to <see cref="TransientImpact"/>'s
/// resilience of its price): each side's missing depth d, in lots, takes this tick's fills on that side and then
/// loses a fraction ρ_depth: d ← (1 − ρ_depth)(d + consumed). The next ladder's levels are scaled by 1 − d / D
/// (D the full ladder's lots a side), so a lone sweep of q lots comes back as q(1 − ρ_depth)ᵗ missing after t ticks.
/// ρ_depth = 1 posts the whole ladder every tick, as before.
/// </summary>
public sealed class DepthRecovery(double resilience) : ICheckpointable
{
    private double _bidMissing;
    private double _askMissing;

    // This tick's fills on each side, folded into the missing depth at the close.
    private long _bought;
    private long _sold;

    /// <summary>Lots missing from the bid side's ladder as the next tick opens.</summary>
    public double BidMissing => _bidMissing;

    /// <summary>Lots missing from the ask side's ladder as the next tick opens.</summary>
    public double AskMissing => _askMissing;

    /// <summary>Lots a level a side for a ladder of <paramref name="levels"/> levels of <paramref name="fullSize"/> each.</summary>
    public (long Bid, long Ask) LevelSizes(long fullSize, int levels) =>
        (Scaled(fullSize, levels, _bidMissing), Scaled(fullSize, levels, _askMissing));

    /// <summary>A fill of the maker's quotes: bought (positive) took bid depth, sold took ask depth.</summary>
    public void Consume(long signedLots)
    {
        if (signedLots > 0)
        {
            _bought += signedLots;
        }
        else
        {
            _sold -= signedLots;
        }
    }

    /// <summary>Folds the tick's fills into the missing depth and lets the refill rate act once.</summary>
    public void CloseTick(long fullSize, int levels)
    {
        var full = fullSize * (double)levels;
        _bidMissing = Math.Min(full, (1 - resilience) * (_bidMissing + _bought));
        _askMissing = Math.Min(full, (1 - resilience) * (_askMissing + _sold));
        _bought = 0;
        _sold = 0;
    }

    public void Save(CheckpointWriter writer)
    {
        writer.Write(_bidMissing);
        writer.Write(_askMissing);
    }

    public void Restore(CheckpointReader reader)
    {
        _bidMissing = reader.ReadDouble();
        _askMissing = reader.ReadDouble();
    }

    private static long Scaled(long fullSize, int levels, double missing) =>
        missing <= 0 ? fullSize : (long)Math.Floor(fullSize * Math.Max(0, 1 - (missing / (fullSize * (double)levels))));
}
