namespace MarketSim.Engine.Markets;

/// <summary>
/// Cash is held as whole micro-units of the quote currency (1e-6), in <see cref="long"/>. Integer
/// cash makes every sum exact and independent of the order it is added in, so conservation is an
/// equality and totals do not depend on how agents are split across cohorts or silos.
/// The ceiling is about 9.2e12 in quote currency for any one total.
/// </summary>
public static class Money
{
    /// <summary>Cash units per unit of quote currency.</summary>
    public const long UnitsPerCurrency = 1_000_000;

    public static long FromCurrency(double amount) => checked((long)Math.Round(amount * UnitsPerCurrency, MidpointRounding.ToEven));

    public static double ToCurrency(long cash) => cash / (double)UnitsPerCurrency;

    /// <summary>A fee at <paramref name="feeRatePerMillion"/> on <paramref name="notional"/>, rounded down.</summary>
    public static long Fee(long notional, long feeRatePerMillion) => (long)((Int128)notional * feeRatePerMillion / 1_000_000);

    /// <summary>A rate in basis points as an integer rate per million (1 bp = 100 per million).</summary>
    public static long RatePerMillion(double basisPoints) => checked((long)Math.Round(basisPoints * 100.0));
}
