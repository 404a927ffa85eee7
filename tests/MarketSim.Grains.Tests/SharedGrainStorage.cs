using System.Collections.Concurrent;
using Orleans.Serialization;
using Orleans.Storage;

namespace MarketSim.Grains.Tests;

/// <summary>
/// Grain storage that every silo of this test process shares and that outlives any of them, as Redis
/// does for a real cluster: Orleans' memory storage keeps state in grains, which die with their silo.
/// State is deep-copied in and out, as a store that serializes would.
/// </summary>
internal sealed class SharedGrainStorage(DeepCopier copier) : IGrainStorage
{
    private static readonly ConcurrentDictionary<(string State, GrainId Grain), (object Value, string ETag)> Store = new();

    /// <summary>The grains that have state stored, whatever its name.</summary>
    public static IEnumerable<GrainId> Grains => Store.Keys.Select(k => k.Grain).Distinct();

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (Store.TryGetValue((stateName, grainId), out var stored))
        {
            grainState.State = copier.Copy((T)stored.Value);
            grainState.ETag = stored.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var etag = Guid.NewGuid().ToString("N");
        Store[(stateName, grainId)] = (copier.Copy(grainState.State)!, etag);
        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Store.TryRemove((stateName, grainId), out _);
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}
