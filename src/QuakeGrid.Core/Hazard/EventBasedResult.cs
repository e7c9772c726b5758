namespace QuakeGrid.Core.Hazard;

/// <summary>
/// Output of an event-based calculation: hazard curves and maps from the exceedance counts, the stochastic event set
/// (ruptures with their occurrence counts, in rupture-id order), and the number of site-events evaluated (events ×
/// sites within the maximum distance, summed over GMM branches and IMTs' shared draws counted once per branch).
/// </summary>
public sealed record EventBasedResult(HazardCurveSet Curves, IReadOnlyList<RuptureOccurrence> Events, long SiteEvents, long EventCount)
{
    /// <summary>
    /// EA/EAS posteriors: the Vecchia factors computed per (rupture, draw), their rows and the CPU time spent on them
    /// (<see cref="EventBased.EventBasedTile.EpicentreFactorStats"/>); zeros otherwise.
    /// </summary>
    public (long Factors, long Rows, TimeSpan Time) EpicentreFactors { get; init; }
}
