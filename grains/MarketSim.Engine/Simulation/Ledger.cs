namespace MarketSim.Engine.Simulation;

/// <summary>
/// Cash (in cash units) and units of each instrument (in lots) held by some set of accounts, and the
/// units of each instrument they have issued over the run (ETF shares created less redeemed), which
/// the conservation check adds to the opening units. Integer sums, so the total over any partition
/// of the market is the same.
/// </summary>
[method: System.Text.Json.Serialization.JsonConstructor]
public sealed record Ledger(long Cash, long[] Units, long[] Issued)
{
    public Ledger(long cash, long[] units)
        : this(cash, units, new long[units.Length])
    {
    }

    public static Ledger Zero(int instruments) => new(0, new long[instruments]);

    public Ledger Add(Ledger other)
    {
        var units = (long[])Units.Clone();
        var issued = (long[])Issued.Clone();
        for (var i = 0; i < units.Length; i++)
        {
            units[i] += other.Units[i];
            issued[i] += other.Issued[i];
        }

        return new Ledger(Cash + other.Cash, units, issued);
    }

    public static Ledger Sum(int instruments, IEnumerable<Ledger> ledgers) =>
        ledgers.Aggregate(Zero(instruments), (total, l) => total.Add(l));
}
