namespace MarketSim.Engine.Randomness;

/// <summary>
/// Names the independent random streams of one entity in one tick. Adding a stream never shifts
/// the numbers drawn from another, so a new behaviour does not perturb existing results.
/// </summary>
public enum RandomStream : ulong
{
    Initialization = 1,
    Activity = 2,
    Side = 3,
    Size = 4,
    Price = 5,
    Behaviour = 6,
    OrderPriority = 7,
    Leverage = 8,
    Venue = 9,
    Sentiment = 10,
    EntryPrice = 11,
    Valuation = 12,
    Chartist = 13,
    OrderSizeTail = 14,
}
