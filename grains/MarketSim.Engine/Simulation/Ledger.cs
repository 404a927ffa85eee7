namespace MarketSim.Engine.Simulation;

/// <summary>
/// Cash (in cash units) and units of each instrument (in lots) held by some set of accounts.
/// Integer sums, so the total over any partition of the market is the same.
/// </summary>
public sealed record Ledger(long Cash, long[] Units)
{
    public static Ledger Zero(int instruments) => new(0, new long[instruments]);

    public Ledger Add(Ledger other)
    {
        var units = (long[])Units.Clone();
        for (var i = 0; i < units.Length; i++)
        {
            units[i] += other.Units[i];
        }

        return new Ledger(Cash + other.Cash, units);
    }

    public static Ledger Sum(int instruments, IEnumerable<Ledger> ledgers) =>
        ledgers.Aggregate(Zero(instruments), (total, l) => total.Add(l));
}
