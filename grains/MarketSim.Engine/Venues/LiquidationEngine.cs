using MarketSim.Engine.Markets;

namespace MarketSim.Engine.Venues;

/// <summary>
/// The venue's margin rules: which accounts fall below maintenance and must be closed into the
/// book, what a liquidation costs, and how the insurance fund absorbs what a closed account
/// still owes. Rates are integers per million so every charge is exact.
/// </summary>
public sealed partial class LiquidationEngine(long initialMarginPerMillion, long maintenancePerMillion, long liquidationFeePerMillion, long insuranceFund)
    : Checkpoints.ICheckpointable
{
    /// <summary>Cash held by the insurance fund (negative if it has run dry and losses were socialised).</summary>
    public long InsuranceFund { get; private set; } = insuranceFund;

    public long InitialMarginPerMillion { get; } = initialMarginPerMillion;

    /// <summary>True when the account's equity is below maintenance margin at <paramref name="markTicks"/>.</summary>
    public bool IsUnderMaintenance(MarginAccount account, long markTicks, Instrument instrument)
    {
        if (account.Units == 0)
        {
            return false;
        }

        var exposure = account.Exposure(markTicks, instrument.CashPerTickLot);
        var required = (long)((Int128)exposure * maintenancePerMillion / 1_000_000);
        return account.Equity(markTicks, instrument.CashPerTickLot) < required;
    }

    /// <summary>
    /// The mark (ticks) at which the account falls below maintenance: for a long, equity = m × exposure at
    /// p = −cash / ((1 − m) × units × c); for a short, p = cash / ((1 + m) × |units| × c); c the cash per
    /// tick-lot. At least one tick; 0 for a flat account.
    /// </summary>
    public long LiquidationPrice(MarginAccount account, Instrument instrument)
    {
        if (account.Units == 0)
        {
            return 0;
        }

        var perLot = (Int128)Math.Abs(account.Units) * instrument.CashPerTickLot;
        var price = account.Units > 0
            ? (Int128)(-account.Cash) * 1_000_000 / (perLot * (1_000_000 - maintenancePerMillion))
            : (Int128)account.Cash * 1_000_000 / (perLot * (1_000_000 + maintenancePerMillion));
        return (long)Int128.Max(1, Int128.Min(price, long.MaxValue));
    }

    /// <summary>
    /// The largest position (in lots, absolute) the account may hold at <paramref name="priceTicks"/>
    /// under the initial margin: equity / (initial margin × price).
    /// </summary>
    public long MaxPosition(MarginAccount account, long priceTicks, Instrument instrument)
    {
        var equity = account.Equity(priceTicks, instrument.CashPerTickLot);
        if (equity <= 0 || priceTicks <= 0)
        {
            return 0;
        }

        var perLot = (Int128)priceTicks * instrument.CashPerTickLot * InitialMarginPerMillion;
        return (long)((Int128)equity * 1_000_000 / perLot);
    }

    /// <summary>
    /// The liquidation fee on a forced fill of <paramref name="notional"/>, taken from the account into
    /// the insurance fund; never more than the equity the account has left.
    /// </summary>
    public long ChargeLiquidationFee(MarginAccount account, long notional, long equityAfterFill)
    {
        var fee = Math.Min(Money.Fee(notional, liquidationFeePerMillion), Math.Max(0, equityAfterFill));
        account.Cash -= fee;
        InsuranceFund += fee;
        return fee;
    }

    /// <summary>
    /// Once a liquidated account is flat, the insurance fund pays any negative balance so no
    /// counterparty is left unpaid. Returns the payout.
    /// </summary>
    public long CoverDeficit(MarginAccount account)
    {
        if (account.Units != 0 || account.Cash >= 0)
        {
            return 0;
        }

        var payout = -account.Cash;
        account.Cash = 0;
        InsuranceFund -= payout;
        return payout;
    }
}
