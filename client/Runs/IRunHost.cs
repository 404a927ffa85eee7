using MarketSim.Abstractions.Runs;
using MarketSim.Engine.Traces;

namespace MarketSim.Client.Runs;

/// <summary>Something that can run a scenario tick by tick: the direct engine or an Orleans cluster.</summary>
public interface IRunHost : IAsyncDisposable
{
    /// <summary>Engine name as recorded in the manifest.</summary>
    string Engine { get; }

    /// <summary>Silos the run used (0 for the direct engine).</summary>
    int Silos { get; }

    /// <summary>
    /// Runs <paramref name="setup"/> and yields each tick's rows once, in order, whatever recoveries
    /// happen on the way; every recovery is added to <paramref name="recoveries"/> for the manifest.
    /// </summary>
    IAsyncEnumerable<TickRecord> RunAsync(RunSetup setup, ICollection<RunRecovery> recoveries, CancellationToken cancellationToken);
}
