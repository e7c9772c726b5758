using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace QuakeGrid.Grains.Hosting;

/// <summary>
/// Makes a named grain storage provider store states with the Orleans binary serializer
/// (<see cref="OrleansGrainStorageSerializer"/>) instead of the default JSON one. Hazard region states are large
/// arrays of exceedance counts written after every batch; as JSON they cost several times the bytes and most of the
/// call time (measured in docs/benchmarks.md, "Distributed hazard").
/// </summary>
public static class BinaryGrainState
{
    /// <summary>Configures the <typeparamref name="TOptions"/> of storage <paramref name="name"/> to use the binary serializer.</summary>
    public static ISiloBuilder UseBinaryGrainState<TOptions>(this ISiloBuilder silo, string name)
        where TOptions : class, IStorageProviderSerializerOptions
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddOptions<TOptions>(name).Configure<IServiceProvider>((o, sp) =>
            o.GrainStorageSerializer = ActivatorUtilities.CreateInstance<OrleansGrainStorageSerializer>(sp));
        return silo;
    }
}
