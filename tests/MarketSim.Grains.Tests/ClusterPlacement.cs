using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace MarketSim.Grains.Tests;

/// <summary>
/// A silo is active before the other silos' grain types reach it, and until then it places every grain on the
/// silos it knows: a run started then has nothing on the others (no spread, and losing one loses nothing).
/// </summary>
public static class ClusterPlacement
{
    /// <summary>Waits until every silo's cluster manifest, which placement reads, lists all of them.</summary>
    public static async Task PlacesOnAllSilosAsync(this InProcessTestCluster cluster)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        foreach (var silo in cluster.Silos)
        {
            await foreach (var manifest in silo.ServiceProvider.GetRequiredService<IClusterManifestProvider>().Updates.WithCancellation(patience.Token))
            {
                if (manifest.Silos.Count == cluster.Silos.Count)
                {
                    break;
                }
            }
        }
    }
}
