using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace MarketSim.Silo.Hosting;

/// <summary>
/// Says, once per silo, when it has joined its cluster and when it starts to leave, and each time the number of
/// silos it can place grains on changes (those in its cluster manifest: a silo joins the membership before its grain
/// types reach the others). Operators read it, and <c>deploy/local-cluster.sh</c> waits for the "is active" line and
/// then for every silo to place on all of them, so a run started next spreads over every silo.
/// </summary>
internal sealed partial class SiloStatusLog(
    ILocalSiloDetails silo, IOptions<ClusterOptions> cluster, IClusterManifestProvider manifests, ILogger<SiloStatusLog> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _watching = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SiloStatusLog), ServiceLifecycleStage.Active, OnActive, OnStopping);

    private Task OnActive(CancellationToken cancellationToken)
    {
        LogActive(silo.SiloAddress, cluster.Value.ClusterId, cluster.Value.ServiceId, silo.GatewayAddress);
        _watching = Task.Run(WatchPlacementAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task OnStopping(CancellationToken cancellationToken)
    {
        LogStopping(silo.SiloAddress);
        await _stopping.CancelAsync();
        await _watching;
        _stopping.Dispose();
    }

    private async Task WatchPlacementAsync()
    {
        var known = 0;
        try
        {
            await foreach (var manifest in manifests.Updates.WithCancellation(_stopping.Token))
            {
                if (manifest.Silos.Count != known)
                {
                    known = manifest.Silos.Count;
                    LogPlacement(silo.SiloAddress, known);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The silo is leaving.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "MarketSim silo {Silo} is active in cluster {ClusterId} of service {ServiceId}; clients connect through gateway {Gateway}")]
    private partial void LogActive(SiloAddress silo, string clusterId, string serviceId, SiloAddress? gateway);

    [LoggerMessage(Level = LogLevel.Information, Message = "MarketSim silo {Silo} places grains on {Count} silo(s)")]
    private partial void LogPlacement(SiloAddress silo, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "MarketSim silo {Silo} is leaving its cluster")]
    private partial void LogStopping(SiloAddress silo);
}
