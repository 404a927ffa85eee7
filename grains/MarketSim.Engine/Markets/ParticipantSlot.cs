namespace MarketSim.Engine.Markets;

/// <summary>
/// What sits behind one participant endpoint: a retail cohort (agents FirstAgent.. FirstAgent + AgentCount − 1)
/// or one institution (its owner id, the index of its spec in the scenario's list for its class, and the
/// venue and instrument it trades). <see cref="MarginCapital"/> is the cash it starts its margin account
/// with, for classes that trade on margin.
/// </summary>
public sealed record ParticipantSlot(int Endpoint, ParticipantClass Class, long Owner, long FirstAgent, int AgentCount, int SpecIndex)
{
    public bool IsCohort => Class == ParticipantClass.Retail;

    public int Venue { get; init; } = -1;

    public int Instrument { get; init; } = -1;

    public double MarginCapital { get; init; }
}
