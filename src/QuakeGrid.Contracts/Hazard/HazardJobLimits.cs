namespace QuakeGrid.Contracts.Hazard;

/// <summary>Caps on hazard job requests, so one call never carries or computes an unbounded amount.</summary>
public static class HazardJobLimits
{
    /// <summary>Most sites per <c>GetCurvesAsync</c> or <c>GetCountsAsync</c> call.</summary>
    public const int MaxSitesPerPage = 5000;

    /// <summary>Most events per <c>GetEventsAsync</c> call.</summary>
    public const int MaxEventsPerPage = 20000;

    /// <summary>Largest tile size (sites per region grain).</summary>
    public const int MaxTileSize = 50000;

    /// <summary>Largest total bundle text (characters), about 64 MB.</summary>
    public const long MaxBundleChars = 64L * 1024 * 1024;
}
