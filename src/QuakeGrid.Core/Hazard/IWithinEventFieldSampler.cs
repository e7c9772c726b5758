namespace QuakeGrid.Core.Hazard;

/// <summary>
/// Draws the normalised within-event residual field ε (standard normal marginals, spatially correlated or not) of one
/// event and IMT at a subset of the job's sites. Used for spatially correlated fields (which need a GMM with a Tau/Phi split); without a sampler the calculator draws
/// independent (truncated) residuals itself. Draws must depend only on the seed, never on thread or batch.
/// </summary>
public interface IWithinEventFieldSampler
{
    /// <summary>Fills <paramref name="into"/>[j] with the residual at job site <paramref name="siteIndices"/>[j] for IMT number <paramref name="imtIndex"/>.</summary>
    void Sample(int imtIndex, ReadOnlySpan<int> siteIndices, ulong seed, Span<double> into);
}
