using MarketSim.Engine.Contracts;

namespace MarketSim.Engine.Participants;

/// <summary>
/// The close of a tick for some participants: all of a market's (the direct host) or one (a participant grain).
/// One piece of code for both hosts, so they report the same thing.
/// </summary>
public static class ParticipantClose
{
    /// <summary>Closes the tick for each participant in turn and adds up what they hold and what they report.</summary>
    public static ParticipantCloseReport Report(IEnumerable<IParticipant> participants, long tick, MarketLayout layout, CostBasisGrid costGrid)
    {
        var costBasis = new CostBasisRecorder(costGrid);
        var resting = new RestingLevelRecorder(layout);
        var holdings = new List<Ledger>();
        foreach (var participant in participants)
        {
            participant.CloseTick(tick);
            participant.RecordCostBasis(costBasis);
            participant.RecordRestingLevels(resting);
            holdings.Add(participant.Holdings());
        }

        return new ParticipantCloseReport(Ledger.Sum(layout.Instruments.Count, holdings), costBasis.Build(), resting.Build());
    }
}
