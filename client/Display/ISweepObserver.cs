using MarketSim.Engine.Metrics;
using MarketSim.Engine.Sweeps;
using MarketSim.Engine.Traces;

namespace MarketSim.Client.Display;

/// <summary>What a sweep reports as its runs go; called from several runs at once.</summary>
internal interface ISweepObserver
{
    /// <summary>A run of <paramref name="ticks"/> ticks starts; returns the callback for each of its ticks.</summary>
    Action<TickRecord, RunSummaryBuilder> Started(SweepRun run, int ticks);

    void Completed(SweepRun run, SweepRow row, TimeSpan elapsed);

    void Failed(SweepRun run, Exception error);
}
