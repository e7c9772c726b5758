using System.Diagnostics;
using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Gp.Vecchia;

namespace QuakeGrid.Core.Conditioning;

/// <summary>
/// Unconditional fields from the sparse Vecchia / nearest-neighbour GP (<see cref="VecchiaStructure"/>,
/// <see cref="VecchiaFactor"/>, <see cref="VecchiaSampler"/>). Without explicit options the rule follows the kernel
/// (<see cref="VecchiaKernelRule.DefaultFor"/>: m = 30 nearest in planar X/Y, or the mixed rule with m = 200 for a kernel
/// with a Vs30 term); with options whose rule is <see cref="NeighbourRule.Mixed"/> the search runs in
/// <see cref="VecchiaKernelRule.Coordinates"/>. A small relative nugget
/// (default 1e-8) keeps the factor defined where a target coincides with a station. Records the time of each stage.
/// </summary>
public sealed class VecchiaFieldSampler(VecchiaOptions? options = null, double nugget = 1e-8, int maxParallelism = -1) : IFieldSampler
{
    /// <summary>The options given, or the kernel-independent default (m = 30, nearest) when none were given.</summary>
    public VecchiaOptions Options { get; } = options ?? new VecchiaOptions();
    /// <summary>The options used by the last call (the kernel's default when none were given).</summary>
    public VecchiaOptions? UsedOptions { get; private set; }
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
        UsedOptions = options ?? VecchiaKernelRule.DefaultFor(kernel);
        var structure = VecchiaKernelRule.Build(sites, kernel, UsedOptions, maxParallelism);
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
