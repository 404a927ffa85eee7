using System.Diagnostics;
using MarketSim.Abstractions;
using MarketSim.Abstractions.Runs;
using MarketSim.Engine.Markets;
using MarketSim.Engine.Simulation;
using MarketSim.Engine.Traces;
using Microsoft.Extensions.Logging;

namespace MarketSim.Grains.Runs;

/// <summary>
/// The run coordinator. It builds the run's grains, then drives the Engine's <see cref="TickCycle"/>
/// over a <see cref="GrainMarketFabric"/>: one awaited phase after another, no timers, no
/// one-way calls. It keeps only the cycle's small state and hands trace rows back to the caller.
/// </summary>
public sealed partial class RunGrain(ILogger<RunGrain> logger) : Grain, IRunGrain
{
    /// <summary>An Advance call returns after this long, well inside the default 30 s response timeout.</summary>
    private static readonly TimeSpan AdvanceBudget = TimeSpan.FromSeconds(2);

    private RunSetup? _setup;
    private TickCycle? _cycle;

    public async Task Start(RunSetup setup)
    {
        if (_setup is not null)
        {
            return;
        }

        var layout = new MarketLayout(setup.Scenario, setup.CohortSize);
        var venues = Enumerable.Range(0, setup.Scenario.Venues.Count)
            .Select(v => GrainFactory.GetGrain<IVenueGrain>(setup.VenueKey(v)))
            .ToArray();
        await Task.WhenAll(venues.Select((v, i) => v.Initialize(setup, i)));

        var root = GrainFactory.GetGrain<IParticipantGroupGrain>(setup.GroupKey(0, layout.Participants.Count));
        await root.Initialize(setup, 0, layout.Participants.Count);

        _cycle = new TickCycle(layout, new GrainMarketFabric(setup, venues, root));
        _setup = setup;
        LogStarted(setup.RunId, layout.Participants.Count, setup.Scenario.Retail.Count);
    }

    public async Task<TickBatch> Advance(int maxTicks)
    {
        if (_setup is null || _cycle is null)
        {
            throw new InvalidOperationException($"run {this.GetPrimaryKeyString()} has not been started");
        }

        var records = new List<TickRecord>();
        var clock = Stopwatch.StartNew();
        var end = _setup.Scenario.Ticks;
        while (_cycle.NextTick < end && records.Count < maxTicks && clock.Elapsed < AdvanceBudget)
        {
            records.Add(await _cycle.RunTickAsync());
        }

        var finished = _cycle.NextTick >= end;
        if (finished)
        {
            LogFinished(_setup.RunId, end);
        }

        return new TickBatch(records, _cycle.NextTick, finished);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} started: {Endpoints} participant endpoints, {RetailAgents} retail agents")]
    private partial void LogStarted(string runId, int endpoints, long retailAgents);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} finished after {Ticks} ticks")]
    private partial void LogFinished(string runId, int ticks);
}
