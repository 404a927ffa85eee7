using System.Net;
using System.Net.Sockets;

namespace MarketSim.EndToEnd.Tests;

/// <summary>Loopback ports nothing listens on, so parallel test runs on one machine do not collide.</summary>
internal static class FreePorts
{
    /// <summary>
    /// The first of <paramref name="count"/> consecutive free ports, below the Linux ephemeral
    /// range (32768+) so outgoing connections do not take them between this check and their use.
    /// </summary>
    public static int Block(int count)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var first = Random.Shared.Next(20_000, 32_000 - count);
            if (Enumerable.Range(first, count).All(IsFree))
            {
                return first;
            }
        }

        throw new InvalidOperationException($"no {count} consecutive free ports between 20000 and 32000");
    }

    /// <summary>A port that was free a moment ago: the operating system's pick, released at once.</summary>
    public static int One()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
