using QuakeGrid.Core.Imts;

namespace QuakeGrid.Core.Gmm;

/// <summary>
/// Optional capability of a <see cref="IGroundMotionModel"/>: an evaluator specialised for hazard loops, where a fixed
/// set of sites (a tile) and IMTs meets many ruptures. Terms constant per site are computed once when the batch is
/// made, terms constant per rupture once per rupture. A model returns null for configurations it does not specialise;
/// callers then use <see cref="IGroundMotionModel.Compute"/>, whose results the batch must reproduce bit for bit.
/// </summary>
public interface IHazardGmmBatchSource
{
    /// <summary>
    /// A batch for the sites with <paramref name="vs30"/> (m/s) and <paramref name="z1pt0"/> (m) and the IMTs
    /// <paramref name="imts"/> (output index k = position in the list), or null when not specialised.
    /// </summary>
    IHazardGmmBatch? CreateHazardBatch(IReadOnlyList<Imt> imts, ReadOnlySpan<double> vs30, ReadOnlySpan<double> z1pt0);
}

/// <summary>
/// A hazard evaluator made by <see cref="IHazardGmmBatchSource.CreateHazardBatch"/>: immutable and thread-safe,
/// allocation-free per call. Gives ln median, tau and phi (not sigma) exactly as <see cref="IGroundMotionModel.Compute"/>;
/// only models whose tau depends on the rupture alone (not on the site or distance) offer a batch, and it writes tau once
/// per rupture and IMT.
/// </summary>
public interface IHazardGmmBatch
{
    /// <summary>
    /// Evaluates one rupture of magnitude <paramref name="magnitude"/> (Mw) and rake <paramref name="rake"/> (degrees) at
    /// the batch sites <paramref name="sites"/> (indices into the batch's site arrays) with Joyner-Boore and rupture
    /// distances <paramref name="rjb"/>, <paramref name="rrup"/> (km, one per site): for IMT k and record j it writes
    /// <c>lnMedian[k][offset + j]</c> and <c>phi[k][offset + j]</c>, and for IMT k <c>tau[k]</c>, the tau of every record of
    /// the rupture (<see cref="IGroundMotionModel.Compute"/> gives it per record, the same value for each).
    /// Invalid inputs throw <see cref="Validation.QuakeGridInputException"/> as <see cref="IGroundMotionModel.Compute"/> does.
    /// </summary>
    void Evaluate(double magnitude, double rake, ReadOnlySpan<int> sites, ReadOnlySpan<double> rjb, ReadOnlySpan<double> rrup,
        double[][] lnMedian, Span<double> tau, double[][] phi, int offset);
}
