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
        ArgumentNullException.ThrowIfNull(structure);
        ArgumentNullException.ThrowIfNull(kernels);
        if (kernels.Count == 0) throw new ArgumentException("at least one kernel is needed", nameof(kernels));
        if (structure.Options.Rule != NeighbourRule.Nearest)
            throw new ArgumentException("a subset computed from kernels needs the nearest-neighbour rule", nameof(structure));
        var m = structure.Options.Neighbours;
        if (structure.Stride != m) throw new ArgumentException($"the structure stores {structure.Stride} neighbours per site, the rule uses {m}", nameof(structure));
        var (positions, localOf, distinct) = ClosureOf(structure, m, [structure.Neighbours], subsetSites);
        var count = positions.Length;
        var siteOf = new int[count];
        var nCount = new int[count];
        var nb = new int[(long)count * m];
        for (var i = 0; i < count; i++)
        {
            var p = positions[i];
            siteOf[i] = structure.Order[p];
            nCount[i] = Math.Min(p, m);
            for (var t = 0; t < nCount[i]; t++) nb[(long)i * m + t] = localOf[structure.Neighbours[(long)p * m + t]];
        }
        var weights = new double[kernels.Count][];
        var sd = new double[kernels.Count][];
        for (var k = 0; k < kernels.Count; k++)
        {
            weights[k] = new double[(long)count * m];
            sd[k] = new double[count];
            VecchiaFactor.ComputeRows(structure, sites, kernels[k], positions, weights[k], sd[k], nugget, maxParallelism);
        }
        return new VecchiaSubset(siteOf, positions, m, nCount, [nb], weights, sd, shared: true, distinct);
    }
}
