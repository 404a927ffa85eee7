using MarketSim.Grains.Hosting;
using MarketSim.Silo.Configuration;
using StackExchange.Redis;

namespace MarketSim.Silo.Hosting;

/// <summary>Which cluster this silo joins and through what: the <c>Orleans</c> identity and <c>Orleans:Clustering</c> settings.</summary>
public sealed record ClusteringSettings(ClusteringProvider Provider, string? RedisConnectionString, string ClusterId, string ServiceId)
{
    public const string ProviderTypePath = "Orleans:Clustering:ProviderType";
    public const string ConnectionStringPath = "Orleans:Clustering:ConnectionString";
    public const string ClusterIdPath = "Orleans:ClusterId";
    public const string ServiceIdPath = "Orleans:ServiceId";

    public bool UsesRedis => Provider is ClusteringProvider.Redis or ClusteringProvider.Kubernetes;

    public static ClusteringSettings Read(IConfiguration configuration)
    {
        var provider = configuration.GetChoice(ProviderTypePath, ClusteringProvider.Localhost);
        var connectionString = provider is ClusteringProvider.Localhost
            ? null
            : CheckRedis(configuration.GetRequiredString(ConnectionStringPath, $"when {ProviderTypePath} is {provider} (a Redis address such as localhost:6379)"));
        return new ClusteringSettings(
            provider,
            connectionString,
            configuration.GetString(ClusterIdPath, ClusterDefaults.ClusterId),
            configuration.GetString(ServiceIdPath, ClusterDefaults.ServiceId));
    }

    private static string CheckRedis(string connectionString)
    {
        try
        {
            return ConfigurationOptions.Parse(connectionString).EndPoints.Count > 0
                ? connectionString
                : throw new InvalidSettingException(ConnectionStringPath, $"names no Redis endpoint, got '{connectionString}'");
        }
        catch (ArgumentException e)
        {
            throw new InvalidSettingException(ConnectionStringPath, $"not a Redis connection string ({e.Message}), got '{connectionString}'");
        }
    }
}
