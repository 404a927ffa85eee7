using MarketSim.Engine.Randomness;

namespace MarketSim.Engine.Sweeps;

/// <summary>
/// The seed of each run of a sweep, a pure function of the scenario's seed, the grid point and the
/// replica, so a sweep can be resumed, extended with replicas, or one of its runs re-run alone:
/// <code>
/// step(z) = splitmix64(z + 0x9E3779B97F4A7C15)            (mod 2^64)
/// seed    = step(step(step(base) xor point) xor replica) and (2^63 − 1)
/// </code>
/// with <c>splitmix64</c> the SplitMix64 finalizer (<c>z ^= z &gt;&gt; 30; z *= 0xBF58476D1CE4E5B9;
/// z ^= z &gt;&gt; 27; z *= 0x94D049BB133111EB; z ^= z &gt;&gt; 31</c>) and <c>base</c> taken as its 64-bit two's
/// complement. The top bit is cleared so seeds print as non-negative numbers. Replicas of different
/// points get unrelated seeds, not common random numbers.
/// </summary>
public static class SweepSeeds
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    public static long Of(long baseSeed, int point, int replica)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(point);
        ArgumentOutOfRangeException.ThrowIfNegative(replica);

        var z = Step((ulong)baseSeed);
        z = Step(z ^ (ulong)point);
        z = Step(z ^ (ulong)replica);
        return (long)(z & long.MaxValue);
    }

    private static ulong Step(ulong z) => CounterRng.Mix(z + Golden);
}
