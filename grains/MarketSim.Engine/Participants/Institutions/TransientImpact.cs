using MarketSim.Engine.Checkpoints;

namespace MarketSim.Engine.Participants.Institutions;

/// <summary>
/// Obizhaeva–Wang (2013) price impact as a liquidity provider sees it: of each move of mid since it last quoted,
/// a share γ is news it keeps (the permanent part F) and the rest a transient deviation D that decays by a
/// fraction ρ per tick, so the quotes' centre is F + D. With a move Δ = mid − (F + D):
/// F ← F + γΔ, D ← (1 − ρ)(D + (1 − γ)Δ). γ = 1 is the old behaviour (centre = mid); a lone shock of Δ leaves
/// γΔ + (1 − γ)Δ(1 − ρ)ᵗ after t quiet ticks.
/// </summary>
public sealed class TransientImpact(double permanentShare, double resilience) : ICheckpointable
{
    private double _kept;
    private double _transient;

    /// <summary>The permanent part F, in ticks (0 before the first quote).</summary>
    public double Kept => _kept;

    /// <summary>The transient deviation D still in the centre, in ticks.</summary>
    public double Transient => _transient;

    /// <summary>The centre to quote around this tick, given the mid the previous tick closed at.</summary>
    public double Centre(double mid)
    {
        if (_kept == 0)
        {
            _kept = mid;
            return mid;
        }

        var move = mid - (_kept + _transient);
        _kept += permanentShare * move;
        _transient = (1 - resilience) * (_transient + ((1 - permanentShare) * move));
        return _kept + _transient;
    }

    public void Save(CheckpointWriter writer)
    {
        writer.Write(_kept);
        writer.Write(_transient);
    }

    public void Restore(CheckpointReader reader)
    {
        _kept = reader.ReadDouble();
        _transient = reader.ReadDouble();
    }
}
