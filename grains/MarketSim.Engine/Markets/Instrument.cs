namespace MarketSim.Engine.Markets;

/// <summary>
/// An instrument with its integer grid: prices in ticks, quantities in lots, and the cash units
/// (see <see cref="Money"/>) that one tick × one lot is worth.
/// </summary>
public sealed class Instrument
{
    public Instrument(int index, string id, decimal tickSize, decimal lotSize, decimal initialPrice, double priorReturn = 0)
    {
        Index = index;
        Id = id;
        TickSize = tickSize;
        LotSize = lotSize;
        InitialPrice = (long)(initialPrice / tickSize);
        PriorReturn = priorReturn;
        var perTickLot = tickSize * lotSize * Money.UnitsPerCurrency;
        if (perTickLot < 1 || perTickLot != decimal.Truncate(perTickLot))
        {
            throw new ArgumentException($"instrument {id}: tickSize × lotSize must be a whole multiple of {1m / Money.UnitsPerCurrency}", nameof(lotSize));
        }

        CashPerTickLot = (long)perTickLot;
    }

    public int Index { get; }
    public string Id { get; }
    public decimal TickSize { get; }
    public decimal LotSize { get; }

    /// <summary>Opening price in ticks.</summary>
    public long InitialPrice { get; }

    /// <summary>Return over the price history before tick 0 (a scenario's <c>priorReturn</c>).</summary>
    public double PriorReturn { get; }

    /// <summary>
    /// The price in ticks at <paramref name="fraction"/> of the way through the history before tick 0: log-linear
    /// from <see cref="InitialPrice"/> / (1 + <see cref="PriorReturn"/>) at 0 up to <see cref="InitialPrice"/> at 1.
    /// </summary>
    public long PriorPrice(double fraction) =>
        PriorReturn == 0 || fraction >= 1 ? InitialPrice : Math.Max(1, (long)Math.Round(InitialPrice * Math.Pow(1 + PriorReturn, fraction - 1)));

    /// <summary>Cash units one tick × one lot is worth.</summary>
    public long CashPerTickLot { get; }

    /// <summary>The cash value of <paramref name="lots"/> at <paramref name="priceTicks"/>.</summary>
    public long Notional(long priceTicks, long lots) => checked(priceTicks * lots * CashPerTickLot);

    public double Price(long ticks) => (double)(ticks * TickSize);

    public double Quantity(long lots) => (double)(lots * LotSize);

    public long ToTicks(double price) => (long)Math.Round(price / (double)TickSize);

    /// <summary>Rounds a fractional number of ticks (a computed limit price) down to a whole tick, never below one.</summary>
    public static long WholeTicks(double ticks) => Math.Max(1, (long)Math.Floor(ticks));

    public long FloorLots(double quantity) => Math.Max(0, (long)Math.Floor(quantity / (double)LotSize));
}
