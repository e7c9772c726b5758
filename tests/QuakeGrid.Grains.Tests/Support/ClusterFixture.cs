using Orleans.TestingHost;
using QuakeGrid.Grains.Hosting;

namespace QuakeGrid.Grains.Tests.Support;

/// <summary>One in-process test cluster of two silos (memory grain storage), shared by the tests of the collection.</summary>
public sealed class ClusterFixture : IDisposable
{
    public ClusterFixture()
    {
        var builder = new TestClusterBuilder(2);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        Cluster.Deploy();
    }

    public TestCluster Cluster { get; }

    public void Dispose() => Cluster.StopAllSilos();

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.AddMemoryGrainStorageAsDefault();
            silo.AddMemoryGrainStorage(QuakeGridStorage.Name);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "two-silo test cluster";
}
