using System.Diagnostics.CodeAnalysis;
using StackExchange.Redis;

namespace MarketSim.Client.Cluster;

/// <summary>
/// Where a cluster's membership table lives, as the user writes it: <c>redis://host:port</c>
/// (port 6379 when left out). The client reads the silos' gateways from there.
/// </summary>
public sealed record ClusterAddress(string Host, int Port)
{
    public const int DefaultRedisPort = 6379;

    public static bool TryParse(string text, [NotNullWhen(true)] out ClusterAddress? address)
    {
        address = null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || uri.Scheme != "redis"
            || uri.Host.Length == 0
            || uri.UserInfo.Length > 0
            || uri.AbsolutePath is not ("" or "/")
            || uri.Query.Length > 0
            || uri.Fragment.Length > 0)
        {
            return false;
        }

        address = new ClusterAddress(uri.Host, uri.IsDefaultPort || uri.Port < 0 ? DefaultRedisPort : uri.Port);
        return true;
    }

    /// <summary>
    /// Fails rather than retries: an unreachable Redis is the user's wrong address or a cluster
    /// that is down, and both deserve an answer in seconds.
    /// </summary>
    public ConfigurationOptions ToRedisOptions(TimeSpan connectTimeout) => new()
    {
        EndPoints = { { Host, Port } },
        AbortOnConnectFail = true,
        ConnectRetry = 1,
        ConnectTimeout = (int)connectTimeout.TotalMilliseconds,
    };

    public override string ToString() => $"redis://{Host}:{Port}";
}
