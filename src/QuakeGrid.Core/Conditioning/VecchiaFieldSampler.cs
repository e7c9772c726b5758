using System.Diagnostics;
using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Gp.Vecchia;

namespace QuakeGrid.Core.Conditioning;

/// <summary>
/// Unconditional fields from the sparse Vecchia / nearest-neighbour GP (<see cref="VecchiaStructure"/>,
/// <see cref="VecchiaFactor"/>, <see cref="VecchiaSampler"/>) over the sites' planar X/Y. A small relative nugget
/// (default 1e-8) keeps the factor defined where a target coincides with a station. Records the time of each stage.
/// </summary>
public sealed class VecchiaFieldSampler(VecchiaOptions? options = null, double nugget = 1e-8, int maxParallelism = -1) : IFieldSampler
{
    public VecchiaOptions Options { get; } = options ?? new VecchiaOptions();
    public double Nugget { get; } = nugget;

    /// <summary>Ordering + neighbour search time of the last call.</summary>
    public TimeSpan StructureTime { get; private set; }
    /// <summary>Factor time of the last call.</summary>
    public TimeSpan FactorTime { get; private set; }
    /// <summary>Sweep (sampling) time of the last call.</summary>
    public TimeSpan SampleTime { get; private set; }

    public double[] Sample(CorrelationSites sites, ISpatialCorrelation kernel, IReadOnlyList<ulong> fieldSeeds)
    {
        if (sites.X.Length != sites.Count || sites.Y.Length != sites.Count)
            throw new ArgumentException("the Vecchia sampler needs planar X/Y coordinates (km) for every site", nameof(sites));
        var sw = Stopwatch.StartNew();
        var structure = VecchiaStructure.Build(sites.X, sites.Y, Options, maxParallelism);
        StructureTime = sw.Elapsed;
        sw.Restart();
        var factor = VecchiaFactor.Compute(structure, sites, kernel, Nugget, maxParallelism);
        FactorTime = sw.Elapsed;
        sw.Restart();
        var seeds = fieldSeeds.ToArray();
        var fields = GC.AllocateUninitializedArray<double>(checked(sites.Count * seeds.Length));
        VecchiaSampler.Sample(factor, seeds, fields, maxParallelism);
        SampleTime = sw.Elapsed;
        return fields;
    }
}
