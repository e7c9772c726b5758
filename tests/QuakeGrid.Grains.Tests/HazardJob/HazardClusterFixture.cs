using Orleans.TestingHost;
using QuakeGrid.Grains.Hosting;

namespace QuakeGrid.Grains.Tests.HazardJob;

/// <summary>In-process test clusters for hazard jobs: N silos, shared memory storage (survives silo loss), hazard services.</summary>
public static class HazardClusters
{
    public static async Task<TestCluster> StartAsync(int silos, bool slowWorkItems = false)
    {
        var builder = new TestClusterBuilder((short)silos);
        builder.Options.ClusterId = "hazard-" + Guid.NewGuid().ToString("N")[..12];
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        if (slowWorkItems) builder.AddSiloBuilderConfigurator<SlowWorkItems>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.AddMemoryGrainStorageAsDefault();
            SharedMemoryGrainStorage.Register(silo, QuakeGridStorage.Name);
            silo.UseInMemoryReminderService();
            silo.AddQuakeGridHazardJobs();
        }
    }
}

/// <summary>
/// Delays every region work item by <see cref="Delay"/> (a test-only incoming call filter), so a tiny job lasts long
/// enough for a silo to be killed in the middle of it.
/// </summary>
public sealed class SlowWorkItems : ISiloConfigurator
{
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(15);

    public void Configure(ISiloBuilder silo) =>
        silo.AddIncomingGrainCallFilter(async context =>
        {
            if (context.Grain is Contracts.Grains.IRegionHazardGrain && context.ImplementationMethod.Name == "ApplyAsync") await Task.Delay(Delay);
            await context.Invoke();
        });
}

/// <summary>One three-silo hazard cluster shared by the tests of the collection.</summary>
public sealed class HazardClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await HazardClusters.StartAsync(3);

    public async Task DisposeAsync() => await Cluster.StopAllSilosAsync();
}

[CollectionDefinition(Name)]
public sealed class HazardClusterCollection : ICollectionFixture<HazardClusterFixture>
{
    public const string Name = "three-silo hazard cluster";
}
