namespace MarketSim.Engine.Venues;

/// <summary>
/// A leveraged account on a venue: cash (negative when borrowing) and a signed position in one
/// instrument. Equity is cash plus the position marked at the last trade price; the account is
/// liquidated when equity falls below the maintenance margin on the position's value.
/// </summary>
public sealed class MarginAccount(long owner, int endpoint, int instrument, long cash)
{
    public long Owner { get; } = owner;

    /// <summary>The participant endpoint told about the account's fills.</summary>
    public int Endpoint { get; } = endpoint;

    public int Instrument { get; } = instrument;
    public long Cash { get; internal set; } = cash;

    /// <summary>Signed position in lots (negative when short).</summary>
    public long Units { get; internal set; }

    /// <summary>True from the round a liquidation is ordered until the position is closed.</summary>
    public bool Liquidating { get; internal set; }

    /// <summary>Equity in cash units when the instrument trades at <paramref name="markTicks"/>.</summary>
    public long Equity(long markTicks, long cashPerTickLot) => Cash + (Units * markTicks * cashPerTickLot);

    /// <summary>Gross position value in cash units at <paramref name="markTicks"/>.</summary>
    public long Exposure(long markTicks, long cashPerTickLot) => Math.Abs(Units) * markTicks * cashPerTickLot;
}
