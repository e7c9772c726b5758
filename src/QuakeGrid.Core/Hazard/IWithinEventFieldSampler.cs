namespace QuakeGrid.Core.Hazard;

/// <summary>
/// Draws normalised within-event residual fields ε (standard normal marginals, spatially correlated) of several events
/// of one IMT at all sites of the job, as <c>fields[site · E + e]</c> for E = number of seeds. Field e must depend only
/// on its seed, never on the batch or thread. Without a sampler the event-based calculator draws independent
/// (truncated) residuals itself.
/// </summary>
public interface IWithinEventFieldSampler
{
    /// <summary>Number of sites the fields cover (must equal the job's site count).</summary>
    int SiteCount { get; }

    /// <summary>Fills <paramref name="fields"/> (length ≥ sites × seeds) for IMT number <paramref name="imtIndex"/> of the job.</summary>
    void Sample(int imtIndex, ReadOnlySpan<ulong> eventSeeds, double[] fields);
}
