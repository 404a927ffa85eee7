using System.Runtime.CompilerServices;
using MarketSim.Abstractions.Runs;
using MarketSim.Engine.Contracts;
using MarketSim.Engine.Simulation;
using MarketSim.Engine.Traces;

namespace MarketSim.Client.Runs;

/// <summary>Runs the Engine in this process without Orleans: the reference and the speed ceiling.</summary>
public sealed class DirectRunHost : IRunHost
{
    public string Engine => "direct";

    public int Silos => 0;

    public async IAsyncEnumerable<TickRecord> RunAsync(RunSetup setup, ICollection<RunRecovery> recoveries, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var layout = new MarketLayout(setup.Scenario, setup.CohortSize);
        var cycle = new TickCycle(layout, new DirectMarket(layout));
        while (cycle.NextTick < setup.Scenario.Ticks)
        {
            // Checked between ticks, so a stop keeps every tick it lets start.
            cancellationToken.ThrowIfCancellationRequested();
            yield return await cycle.RunTickAsync(CancellationToken.None);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
