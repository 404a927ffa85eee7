namespace MarketSim.Engine.Participants.Institutions;

/// <summary>
/// The market maker's ladder within one tick: how wide it is, the clearing round it went up for, the lots still
/// resting a side, and whether trades have hit it since. Reset at the close, so nothing of it is checkpointed.
/// </summary>
public record struct QuoteLadder(double Widening, int PostedRound, long BidLots, long AskLots, bool WasHit)
{
    /// <summary>A fill of the ladder: bought (positive) came off the bids, sold off the asks.</summary>
    public void Hit(long signedLots)
    {
        if (signedLots > 0)
        {
            BidLots = Math.Max(0, BidLots - signedLots);
        }
        else
        {
            AskLots = Math.Max(0, AskLots + signedLots);
        }

        WasHit = true;
    }

    /// <summary>What is left of the ladder, spread evenly again over <paramref name="levels"/> levels a side.</summary>
    public readonly (long Bid, long Ask) RemainingLevelSizes(int levels) => (BidLots / levels, AskLots / levels);
}
