namespace MarketSim.Engine.Scenarios;

/// <summary>
/// Activity that responds to recent volatility, so that volatility clusters (a GARCH-like feedback through
/// participation, as in Lux and Marchesi's switching and Cont's threshold models): each tick a retail agent is
/// active with probability activity × m, m = (1 − <see cref="Weight"/>) + <see cref="Weight"/> × (σ_short / σ_long)²,
/// clamped to [0, <see cref="MaxMultiple"/>], where σ_short and σ_long are the realized per-tick volatilities of its
/// home book over <see cref="ShortLookback"/> and <see cref="LongLookback"/> ticks. Weight 0 (the default) is a
/// constant activity.
/// </summary>
public sealed record ActivityFeedbackSpec(double Weight, int ShortLookback, int LongLookback, double MaxMultiple)
{
    public static readonly ActivityFeedbackSpec None = new(0, 1, 1, 1);

    public bool IsOn => Weight > 0;

    /// <summary>What the reader fills in for a field the section leaves out.</summary>
    public static class Defaults
    {
        public const double Weight = 0;
        public const int ShortLookback = 10;
        public const int LongLookback = 500;
        public const double MaxMultiple = 5;
    }
}
