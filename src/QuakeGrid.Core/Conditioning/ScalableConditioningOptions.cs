namespace QuakeGrid.Core.Conditioning;

/// <summary>Options of the scalable (k-nearest-station) conditioning mode.</summary>
public sealed class ScalableConditioningOptions
{
    /// <summary>Number of nearest stations whose observation rows krige each target (default 40; 30–50 recommended).</summary>
    public int NeighbourCount { get; init; } = 40;

    /// <summary>Maximum degree of parallelism over targets (default: all cores).</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}
