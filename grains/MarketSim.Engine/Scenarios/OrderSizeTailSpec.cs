namespace MarketSim.Engine.Scenarios;

/// <summary>
/// Heavy-tailed retail order sizes: each order's size (a fraction of the agent's means) is multiplied by a
/// Pareto draw with shape <see cref="Alpha"/> and scale 1, divided by its mean α / (α − 1) so the average order
/// keeps its size, and capped at <see cref="MaxMultiple"/> (the order never exceeds the agent's means).
/// Alpha 0 (the default) keeps every order at its configured size. Real order sizes have tail index ≈ 1.5–2
/// (Gopikrishnan et al. 2000).
/// </summary>
public sealed record OrderSizeTailSpec(double Alpha, double MaxMultiple)
{
    public static readonly OrderSizeTailSpec None = new(0, 1);

    public bool IsOn => Alpha > 0;

    /// <summary>What the reader fills in for a field the section leaves out (a section with no <c>alpha</c> is off).</summary>
    public static class Defaults
    {
        public const double Alpha = 2;
        public const double MaxMultiple = 20;
    }
}
