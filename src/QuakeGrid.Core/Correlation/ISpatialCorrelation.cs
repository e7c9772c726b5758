namespace QuakeGrid.Core.Correlation;

/// <summary>
/// A within-event spatial correlation model rho(i, j) in [−1, 1] between two sites, with rho(i, i) = 1.
/// </summary>
public interface ISpatialCorrelation
{
    /// <summary>Short model name, e.g. <c>JB2009</c>, <c>EAS</c>.</summary>
    string Name { get; }

    /// <summary>Correlation between site <paramref name="i"/> of <paramref name="a"/> and site <paramref name="j"/> of <paramref name="b"/>.</summary>
    double Rho(CorrelationSites a, int i, CorrelationSites b, int j);

    /// <summary>
    /// Correlations between site <paramref name="i"/> of <paramref name="a"/> and sites <paramref name="js"/> of <paramref name="b"/>,
    /// written into <paramref name="into"/> (same length as <paramref name="js"/>). Must not allocate.
    /// </summary>
    void Row(CorrelationSites a, int i, CorrelationSites b, ReadOnlySpan<int> js, Span<double> into);

    /// <summary>
    /// Distance beyond which the correlation is below <paramref name="rho"/> for every pair, km; used for neighbour searches.
    /// Returns +infinity when the kernel has no such bound.
    /// </summary>
    double RangeForCorrelation(double rho);
}
