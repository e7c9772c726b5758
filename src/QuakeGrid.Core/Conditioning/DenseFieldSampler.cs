using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Gp.Dense;

namespace QuakeGrid.Core.Conditioning;

/// <summary>
/// Exact unconditional fields from the dense correlation matrix (Cholesky, <see cref="DenseMvnSampler"/>), for small n.
/// A relative <see cref="Nugget"/> is added to the diagonal so that coincident sites (a target on a station) factor;
/// it changes each variance by that fraction (default 1e-10).
/// </summary>
public sealed class DenseFieldSampler(double nugget = 1e-10, int maxParallelism = -1) : IFieldSampler
{
    public double Nugget { get; } = nugget;

    public double[] Sample(CorrelationSites sites, ISpatialCorrelation kernel, IReadOnlyList<ulong> fieldSeeds)
    {
        var n = sites.Count;
        var r = DenseCorrelationMatrix.Build(sites, kernel, Nugget);
        DenseCholesky.FactorInPlace(r, n, maxParallelism);
        return new DenseMvnSampler(r, n).Sample(fieldSeeds.ToArray(), maxParallelism);
    }
}
