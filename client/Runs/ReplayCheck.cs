using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using MarketSim.Engine.Traces;

namespace MarketSim.Client.Runs;

/// <summary>
/// The rows of a run as they were delivered, tick by tick. After a recovery the run replays ticks the
/// caller already has: those must equal what was delivered — determinism, checked for free — and are
/// not delivered again. A tick that skips ahead means rows were lost, which is a bug.
/// </summary>
internal sealed class ReplayCheck
{
    /// <summary>Named literals allowed: a group that holds nothing has a NaN mean cost in the resonance rows.</summary>
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private readonly List<byte[]> _delivered = [];

    /// <summary>The first tick not delivered yet.</summary>
    public long NextTick => _delivered.Count;

    /// <summary>True if <paramref name="record"/> is the next tick; false for a replayed one that matches.</summary>
    /// <exception cref="InvalidOperationException">A replayed tick differs from the delivered one, or a tick is missing.</exception>
    public bool IsNew(TickRecord record)
    {
        // A digest of the rows rather than the rows: the trace already holds them.
        var canonical = SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(record, Json));
        if (record.Tick < _delivered.Count)
        {
            return _delivered[(int)record.Tick].AsSpan().SequenceEqual(canonical)
                ? false
                : throw new InvalidOperationException($"tick {record.Tick} replayed after a recovery differs from the one first delivered: the run is not deterministic");
        }

        if (record.Tick != _delivered.Count)
        {
            throw new InvalidOperationException($"expected the rows of tick {_delivered.Count}, got tick {record.Tick}");
        }

        _delivered.Add(canonical);
        return true;
    }
}
