using MarketSim.Grains.Hosting;
using StackExchange.Redis;

namespace MarketSim.Silo.Hosting;

public static class CheckpointStorageExtensions
{
    /// <summary>
    /// Adds the grain storage provider named <see cref="ClusterDefaults.CheckpointStorage"/>: the
    /// Redis that holds the membership table when clustering is Redis or Kubernetes (state must
    /// outlive the silo that wrote it), memory on a localhost silo.
    /// </summary>
    /// <exception cref="Configuration.InvalidSettingException">The clustering settings are missing or malformed.</exception>
    public static ISiloBuilder AddMarketSimCheckpointStorage(this ISiloBuilder silo, IConfiguration configuration)
    {
        var clustering = ClusteringSettings.Read(configuration);
        return clustering.UsesRedis
            ? silo.AddRedisGrainStorage(ClusterDefaults.CheckpointStorage, options =>
                options.ConfigurationOptions = ConfigurationOptions.Parse(clustering.ConnectionString!))
            : silo.AddMemoryGrainStorage(ClusterDefaults.CheckpointStorage);
    }
}
