using QuakeGrid.Core.Inference.Data;

namespace QuakeGrid.Core.Inference.Variogram;

/// <summary>One distance bin of an empirical semivariogram.</summary>
/// <param name="LowerKm">Bin lower edge, km.</param>
/// <param name="UpperKm">Bin upper edge, km.</param>
/// <param name="MeanDistanceKm">Mean d_E of the pairs in the bin, km.</param>
/// <param name="Gamma">γ̂ = ½ mean (z_i − z_j)².</param>
/// <param name="Pairs">Number of pairs.</param>
public sealed record SemivariogramBin(double LowerKm, double UpperKm, double MeanDistanceKm, double Gamma, long Pairs);

/// <summary>
/// Empirical semivariogram of scaled within-event residuals, pooled over events: pairs only within an event, binned
/// by the Euclidean distance d_E (Jayaram &amp; Baker 2009; Bodenmann et al. 2023, Sect. 5.3). Empty bins are omitted.
/// </summary>
public static class EmpiricalSemivariogram
{
    /// <summary>Bins of width <paramref name="binWidthKm"/> up to <paramref name="maxDistanceKm"/>.</summary>
    public static IReadOnlyList<SemivariogramBin> Compute(PooledResidualData data, double binWidthKm = 2.0, double maxDistanceKm = 100.0)
    {
        if (!(binWidthKm > 0)) throw new ArgumentOutOfRangeException(nameof(binWidthKm));
        if (!(maxDistanceKm > binWidthKm)) throw new ArgumentOutOfRangeException(nameof(maxDistanceKm));
        var nb = (int)Math.Ceiling(maxDistanceKm / binWidthKm);
        var sumSq = new double[nb]; var sumH = new double[nb]; var count = new long[nb];
        foreach (var ev in data.Events)
        {
            var z = ev.Z;
            var p = 0;
            for (var i = 1; i < ev.Count; i++)
            for (var j = 0; j < i; j++, p++)
            {
                var h = ev.DistanceE[p];
                if (h >= maxDistanceKm) continue;
                var b = (int)(h / binWidthKm);
                var dz = z[i] - z[j];
                sumSq[b] += dz * dz; sumH[b] += h; count[b]++;
            }
        }
        var bins = new List<SemivariogramBin>();
        for (var b = 0; b < nb; b++)
            if (count[b] > 0)
                bins.Add(new SemivariogramBin(b * binWidthKm, Math.Min((b + 1) * binWidthKm, maxDistanceKm), sumH[b] / count[b],
                    0.5 * sumSq[b] / count[b], count[b]));
        return bins;
    }
}
