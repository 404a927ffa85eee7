using MarketSim.Engine.Contracts;
using MarketSim.Engine.Markets;
using MarketSim.Engine.Participants.Institutions;
using MarketSim.Engine.Participants.Retail;

namespace MarketSim.Engine.Participants;

/// <summary>Builds the Engine participant behind an endpoint; both hosts use it.</summary>
public static class ParticipantFactory
{
    public static IParticipant Create(MarketLayout layout, ParticipantSlot slot) => slot.Class switch
    {
        ParticipantClass.Retail => new RetailCohort(layout, slot),
        ParticipantClass.MarketMaker => new MarketMaker(layout, slot),
        ParticipantClass.MomentumFund => new MomentumFund(layout, slot),
        ParticipantClass.ValueFund => new ValueFund(layout, slot),
        ParticipantClass.Cta => new CtaProgramme(layout, slot),
        ParticipantClass.LeveragedEtf => new LeveragedEtf(layout, slot),
        ParticipantClass.Allocator => new Allocator(layout, slot),
        ParticipantClass.Arbitrageur => new Arbitrageur(layout, slot),
        ParticipantClass.EtfInvestors => new EtfInvestors(layout, slot),
        ParticipantClass.EtfIssuer => new EtfIssuer(layout, slot),
        _ => throw new ArgumentOutOfRangeException(nameof(slot), slot.Class, "unknown participant class"),
    };
}
