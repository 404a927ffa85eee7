using System.ComponentModel.DataAnnotations;
using MarketSim.Grains.Hosting;
using MarketSim.Silo.Configuration;
using StackExchange.Redis;

namespace MarketSim.Silo.Hosting;

/// <summary>Which cluster this silo joins and through what: <c>Orleans:Clustering</c>, and the <c>Orleans</c> identity.</summary>
public sealed class ClusteringSettings : IValidatableObject
{
    public const string Path = "Orleans:Clustering";
    public const string ClusterIdPath = "Orleans:ClusterId";
    public const string ServiceIdPath = "Orleans:ServiceId";

    [EnumDataType(typeof(ClusteringProvider), ErrorMessage = "must be one of Localhost, Redis, Kubernetes")]
    public ClusteringProvider ProviderType { get; set; } = ClusteringProvider.Localhost;

    /// <summary>The Redis that holds the membership table (and the checkpoints), unless clustering is Localhost.</summary>
    public string? ConnectionString { get; set; }

    public bool UsesRedis => ProviderType is ClusteringProvider.Redis or ClusteringProvider.Kubernetes;

    /// <exception cref="InvalidSettingException">A setting is missing or malformed.</exception>
    public static ClusteringSettings Read(IConfiguration configuration) => configuration.Read<ClusteringSettings>(Path);

    /// <summary><c>Orleans:ClusterId</c> and <c>Orleans:ServiceId</c>, <c>marketsim</c> by default as the client's are.</summary>
    public static (string ClusterId, string ServiceId) Identity(IConfiguration configuration) => (
        configuration[ClusterIdPath] is { Length: > 0 } clusterId ? clusterId : ClusterDefaults.ClusterId,
        configuration[ServiceIdPath] is { Length: > 0 } serviceId ? serviceId : ClusterDefaults.ServiceId);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!UsesRedis)
        {
            yield break;
        }

        if (ConnectionString is not { Length: > 0 })
        {
            yield return Problem($"required when ProviderType is {ProviderType} (a Redis address such as localhost:6379)");
            yield break;
        }

        string? problem;
        try
        {
            problem = ConfigurationOptions.Parse(ConnectionString).EndPoints.Count > 0 ? null : $"names no Redis endpoint, got '{ConnectionString}'";
        }
        catch (ArgumentException e)
        {
            problem = $"not a Redis connection string ({e.Message}), got '{ConnectionString}'";
        }

        if (problem is not null)
        {
            yield return Problem(problem);
        }
    }

    private static ValidationResult Problem(string message) => new(message, [nameof(ConnectionString)]);
}
