namespace MarketSim.Engine.Randomness;

/// <summary>
/// A counter-based random generator: the n-th number of stream (seed, entity, tick, stream) is a
/// pure function of those five values. Which grain, silo or thread holds an agent therefore never
/// changes what it draws — the foundation of byte-identical traces across hosts and partitions.
/// The mixing function is SplitMix64's finalizer (Steele, Lea, Flood 2014), applied to a Weyl
/// sequence; it passes BigCrush as a generator and costs a few nanoseconds a draw.
/// </summary>
public struct CounterRng
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;
    private const ulong Golden2 = 0x3C6EF372FE94F82AUL; // 2·Golden mod 2^64
    private const ulong Golden3 = 0xDAA66D2C7DDF743FUL; // 3·Golden mod 2^64
    private const ulong Golden4 = 0x78DDE6E5FD29F054UL; // 4·Golden mod 2^64
    private readonly ulong _key;
    private ulong _counter;

    public CounterRng(long seed, long entity, long tick, RandomStream stream)
    {
        _key = Key(seed, entity, tick, (ulong)stream);
        _counter = 0;
    }

    /// <summary>The next 64 uniformly distributed bits.</summary>
    public ulong NextUInt64() => Mix(_key + (++_counter * Golden));

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform double in (0, 1): safe for inverse CDFs and logarithms.</summary>
    public double NextOpenDouble() => ((NextUInt64() >> 11) + 0.5) * (1.0 / (1UL << 53));

    /// <summary>A standard normal draw by inversion (one uniform per draw, so counts stay aligned).</summary>
    public double NextGaussian() => MathNet.Numerics.Distributions.Normal.InvCDF(0.0, 1.0, NextOpenDouble());

    /// <summary>One 64-bit hash of a key tuple: for deterministic priorities without a generator.</summary>
    public static ulong Hash(long seed, long a, long b, long c, long d) =>
        Mix(Key(seed, a, b, (ulong)c) ^ Mix((ulong)d + Golden));

    private static ulong Key(long seed, long entity, long tick, ulong stream)
    {
        var h = Mix((ulong)seed + Golden);
        h = Mix(h ^ ((ulong)entity + Golden2));
        h = Mix(h ^ ((ulong)tick + Golden3));
        return Mix(h ^ (stream + Golden4));
    }

    /// <summary>SplitMix64's finalizer: a bijection on 64 bits that mixes every input bit into every output bit.</summary>
    internal static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
