namespace QuakeGrid.Core.Sources.Mfd;

/// <summary>A magnitude–frequency distribution that yields discrete magnitude bins with annual rates.</summary>
public interface IMagnitudeFrequencyDistribution
{
    /// <summary>
    /// Magnitude bins in increasing magnitude. <paramref name="widthOfMfdBin"/> is the job's
    /// <c>width_of_mfd_bin</c>; distributions that carry their own bin width (incremental) ignore it.
    /// </summary>
    IReadOnlyList<MagnitudeRate> Rates(double widthOfMfdBin);

    /// <summary>Smallest and largest bin-centre magnitudes for the given bin width.</summary>
    (double Min, double Max) MagnitudeRange(double widthOfMfdBin)
    {
        var r = Rates(widthOfMfdBin);
        return (r[0].Magnitude, r[^1].Magnitude);
    }
}
