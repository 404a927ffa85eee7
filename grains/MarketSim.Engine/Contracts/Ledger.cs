namespace MarketSim.Engine.Contracts;

/// <summary>
/// Cash (in cash units) and units of each instrument (in lots) held by some set of accounts, and the
/// units of each instrument they have issued over the run (ETF shares created less redeemed), which
/// the conservation check adds to the opening units. <see cref="Reserves"/> holds the units held on
/// each venue (index venue × instruments + instrument; empty when none are), so a venue's reserves
/// are the sum over everyone with an account there. Integer sums, so the total over any partition of
/// the market is the same.
/// </summary>
[method: System.Text.Json.Serialization.JsonConstructor]
public sealed record Ledger(long Cash, long[] Units, long[] Issued, long[] Reserves)
{
    public Ledger(long cash, long[] units)
        : this(cash, units, new long[units.Length], [])
    {
    }

    /// <summary>A ledger of units held on venues: <paramref name="onVenue"/> lists (venue, instrument, lots).</summary>
    public static Ledger Held(long cash, MarketLayout layout, params ReadOnlySpan<(int Venue, int Instrument, long Lots)> onVenue)
    {
        var instruments = layout.Instruments.Count;
        var units = new long[instruments];
        var reserves = new long[layout.Scenario.Venues.Count * instruments];
        foreach (var (venue, instrument, lots) in onVenue)
        {
            units[instrument] += lots;
            reserves[(venue * instruments) + instrument] += lots;
        }

        return new Ledger(cash, units, new long[instruments], reserves);
    }

    /// <summary>Cash that has come in from outside the market (negative: gone out) over the run: flows, redemptions.</summary>
    public long External { get; init; }

    /// <summary>Lots of <paramref name="instrument"/> held on <paramref name="venue"/>.</summary>
    public long ReservesOn(int venue, int instrument) =>
        Reserves.Length == 0 ? 0 : Reserves[(venue * Units.Length) + instrument];

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

        var (longer, shorter) = Reserves.Length >= other.Reserves.Length ? (Reserves, other.Reserves) : (other.Reserves, Reserves);
        var reserves = (long[])longer.Clone();
        for (var i = 0; i < shorter.Length; i++)
        {
            reserves[i] += shorter[i];
        }

        return new Ledger(Cash + other.Cash, units, issued, reserves) { External = External + other.External };
    }

    public static Ledger Sum(int instruments, IEnumerable<Ledger> ledgers) =>
        ledgers.Aggregate(Zero(instruments), (total, l) => total.Add(l));
}
