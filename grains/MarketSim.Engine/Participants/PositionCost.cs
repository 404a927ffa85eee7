using MarketSim.Engine.Contracts;

namespace MarketSim.Engine.Participants;

/// <summary>
/// Average-cost accounting of one position, long or short, for the cost-basis metrics: <see cref="Cost"/> is
/// what the open position cost (cash units, fees included; for a short, what its sales brought in). A fill
/// that adds to the position adds its cash; one that reduces it removes the sold share of the cost; one that
/// flips it starts the new side at the fill's own price.
/// </summary>
public struct PositionCost
{
    public long Units { get; private set; }

    public long Cost { get; private set; }

    /// <summary>A position of <paramref name="units"/> bought at <paramref name="priceTicks"/> (its starting holdings).</summary>
    public static PositionCost At(long units, long priceTicks, long cashPerTickLot) =>
        new() { Units = units, Cost = Math.Abs(units) * priceTicks * cashPerTickLot };

    public readonly void Save(Checkpoints.CheckpointWriter writer)
    {
        writer.Write(Units);
        writer.Write(Cost);
    }

    public static PositionCost Read(Checkpoints.CheckpointReader reader) => new() { Units = reader.ReadLong(), Cost = reader.ReadLong() };

    /// <summary>Applies a fill of <paramref name="signedLots"/> (positive bought) that moved cash by <paramref name="cashDelta"/>.</summary>
    public void Fill(long signedLots, long cashDelta)
    {
        if (signedLots == 0)
        {
            return;
        }

        var size = Math.Abs(signedLots);
        if (Units == 0 || Math.Sign(Units) == Math.Sign(signedLots))
        {
            Units += signedLots;
            Cost += Math.Abs(cashDelta);
            return;
        }

        var closing = Math.Min(size, Math.Abs(Units));
        Cost -= (long)((Int128)Cost * closing / Math.Abs(Units));
        Units += signedLots;
        Cost = Units == 0 ? 0 : size > closing ? (long)((Int128)Math.Abs(cashDelta) * (size - closing) / size) : Cost;
    }

    /// <summary>
    /// Aligns the position with <paramref name="units"/> reported by the venue (should they differ): a smaller
    /// position keeps its average cost, a flat or flipped one starts again at no cost.
    /// </summary>
    public void Resync(long units)
    {
        if (units == Units)
        {
            return;
        }

        Cost = units == 0 || Math.Sign(units) != Math.Sign(Units) ? 0 : (long)((Int128)Cost * Math.Abs(units) / Math.Abs(Units));
        Units = units;
    }

    /// <summary>Adds the position to <paramref name="input"/> when it is long (short positions are not holders), under water against <paramref name="closeTicks"/>.</summary>
    public readonly void RecordLong(CostBasisInput input, long closeTicks)
    {
        if (Units > 0)
        {
            input.Add(Units, Cost, closeTicks);
        }
    }
}
