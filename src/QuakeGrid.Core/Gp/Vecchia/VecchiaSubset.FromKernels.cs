using QuakeGrid.Core.Correlation;

namespace QuakeGrid.Core.Gp.Vecchia;

public sealed partial class VecchiaSubset
{
    /// <summary>
    /// The subset of <paramref name="subsetSites"/> for one factor per kernel of <paramref name="kernels"/> on
    /// <paramref name="structure"/> (nearest-neighbour rule, so every kernel conditions on the structure's neighbour lists
    /// and the closure is the same for all), computing only the closure's rows (<see cref="VecchiaFactor.ComputeRows"/>)
    /// instead of whole factors over all sites: bit-identical to <see cref="Create(IReadOnlyList{VecchiaFactor}, ReadOnlySpan{int})"/>
    /// of the full factors, at the cost and memory of the closure only.
    /// </summary>
    public static VecchiaSubset Create(VecchiaStructure structure, CorrelationSites sites, IReadOnlyList<ISpatialCorrelation> kernels,
        ReadOnlySpan<int> subsetSites, double nugget = 0.0, int maxParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(kernels);
        if (kernels.Count == 0) throw new ArgumentException("at least one kernel is needed", nameof(kernels));
        var c = NearestClosure(structure, subsetSites, "a subset computed from kernels");
        var count = c.Positions.Length;
        var m = c.M;
        var weights = new double[kernels.Count][];
        var sd = new double[kernels.Count][];
        for (var k = 0; k < kernels.Count; k++)
        {
            weights[k] = new double[(long)count * m];
            sd[k] = new double[count];
            VecchiaFactor.ComputeRows(structure, sites, kernels[k], c.Positions, weights[k], sd[k], nugget, maxParallelism);
        }
        return new VecchiaSubset(c.SiteOf, c.Positions, m, c.NeighbourCount, [c.Neighbours], weights, sd, shared: true, c.Distinct);
    }
}
