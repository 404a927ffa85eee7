using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MarketSim.Engine.Simulation;

/// <summary>
/// How long each phase of a tick takes, on whichever host runs the <see cref="TickCycle"/>:
/// the histogram <c>marketsim.tick.phase.duration</c> (milliseconds, tag <c>phase</c>) of the
/// <c>MarketSim.Engine</c> meter, for the bench's per-phase breakdown and a silo's telemetry.
/// Nothing is recorded unless someone listens.
/// </summary>
public static class TickPhaseMeter
{
    public const string MeterName = "MarketSim.Engine";

    public const string HistogramName = "marketsim.tick.phase.duration";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(HistogramName, "ms", "Time spent in one phase of one tick");

    /// <summary>The timestamp to measure the next phase from.</summary>
    public static long Now() => Duration.Enabled ? Stopwatch.GetTimestamp() : 0;

    /// <summary>Records the phase that started at <paramref name="since"/>; returns the timestamp it ended at.</summary>
    public static long Record(string phase, long since)
    {
        if (!Duration.Enabled)
        {
            return 0;
        }

        var now = Stopwatch.GetTimestamp();
        Duration.Record(Stopwatch.GetElapsedTime(since, now).TotalMilliseconds, new KeyValuePair<string, object?>("phase", phase));
        return now;
    }
}
