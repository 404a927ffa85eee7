using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace MarketSim.Silo.Hosting;

/// <summary>
/// Says, once per silo, when it has joined its cluster and when it starts to leave. Operators read
/// it, and <c>deploy/local-cluster.sh</c> waits for the "is active" line before it reports a silo up.
/// </summary>
internal sealed partial class SiloStatusLog(ILocalSiloDetails silo, IOptions<ClusterOptions> cluster, ILogger<SiloStatusLog> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SiloStatusLog), ServiceLifecycleStage.Active, OnActive, OnStopping);

    private Task OnActive(CancellationToken cancellationToken)
    {
        LogActive(silo.SiloAddress, cluster.Value.ClusterId, cluster.Value.ServiceId, silo.GatewayAddress);
        return Task.CompletedTask;
    }

    private Task OnStopping(CancellationToken cancellationToken)
    {
        LogStopping(silo.SiloAddress);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "MarketSim silo {Silo} is active in cluster {ClusterId} of service {ServiceId}; clients connect through gateway {Gateway}")]
    private partial void LogActive(SiloAddress silo, string clusterId, string serviceId, SiloAddress? gateway);

    [LoggerMessage(Level = LogLevel.Information, Message = "MarketSim silo {Silo} is leaving its cluster")]
    private partial void LogStopping(SiloAddress silo);
}
