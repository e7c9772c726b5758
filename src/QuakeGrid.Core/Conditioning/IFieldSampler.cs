using QuakeGrid.Core.Correlation;

namespace QuakeGrid.Core.Conditioning;

/// <summary>
/// Draws unconditional zero-mean, unit-variance Gaussian fields with correlation <c>kernel</c> over <c>sites</c>:
/// one field per seed, returned row-major n×E (site i, field e at i·E + e). Implementations: the dense reference
/// (<see cref="DenseFieldSampler"/>) and the sparse Vecchia sampler.
/// </summary>
public interface IFieldSampler
{
    double[] Sample(CorrelationSites sites, ISpatialCorrelation kernel, IReadOnlyList<ulong> fieldSeeds);
}
