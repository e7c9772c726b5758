using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace QuakeGrid.Grains.Tests.HazardJob;

/// <summary>
/// Grain storage shared by every silo of an in-process <c>TestCluster</c> (one dictionary per cluster id, states kept as
/// serialized bytes with an ETag), standing in for Redis: unlike Orleans' memory storage, whose partitions live in
/// grains, it survives the loss of any silo, which the silo-kill tests need.
/// </summary>
public sealed class SharedMemoryGrainStorage(Serializer serializer, IOptions<ClusterOptions> cluster) : IGrainStorage
{
    private static readonly ConcurrentDictionary<string, ConcurrentDictionary<string, (byte[] Data, string ETag)>> Clusters = new();
    private readonly ConcurrentDictionary<string, (byte[] Data, string ETag)> _store = Clusters.GetOrAdd(cluster.Value.ClusterId, _ => new());

    /// <summary>Writes performed (all clusters, a test hook).</summary>
    public static long Writes;

    public static void Register(ISiloBuilder silo, string name) =>
        silo.Services.AddKeyedSingleton<IGrainStorage>(name, (sp, _) =>
            new SharedMemoryGrainStorage(sp.GetRequiredService<Serializer>(), sp.GetRequiredService<IOptions<ClusterOptions>>()));

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_store.TryGetValue(Key(stateName, grainId), out var e))
        {
            grainState.State = serializer.Deserialize<T>(e.Data);
            grainState.ETag = e.ETag;
            grainState.RecordExists = true;
        }
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = Key(stateName, grainId);
        var data = serializer.SerializeToArray(grainState.State);
        var etag = Guid.NewGuid().ToString("N");
        lock (_store)
        {
            var current = _store.TryGetValue(key, out var e) ? e.ETag : null;
            if (current != grainState.ETag)
                throw new InconsistentStateException($"ETag mismatch for {key}", current ?? "", grainState.ETag ?? "");
            _store[key] = (data, etag);
        }
        Interlocked.Increment(ref Writes);
        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _store.TryRemove(Key(stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static string Key(string stateName, GrainId grainId) => stateName + "/" + grainId;
}
