using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.Conditioning;

/// <summary>
/// Station observations prepared for conditioning, as structure-of-arrays indexed [imt][station]:
/// the observed ln value (ln g; ln cm/s for PGV; NaN where the station did not observe that IMT), the
/// per-observation ln standard deviation (sigma addon of Engler et al. 2022, 0 for instrumental records), and the
/// ground-motion model's ln median, Tau and Phi at the station for the same IMT.
/// </summary>
public sealed class ConditioningStations
{
    public ConditioningStations(CorrelationSites sites, IReadOnlyList<Imt> imts, double[][] lnObserved, double[][] lnSigma,
        double[][] lnMedian, double[][] tau, double[][] phi, IReadOnlyList<string>? ids = null, string source = "stations")
    {
        ArgumentNullException.ThrowIfNull(sites);
        var n = sites.Count;
        var m = imts.Count;
        if (m == 0) throw new QuakeGridInputException(source, null, null, "no observed IMT");
        if (imts.Distinct().Count() != m) throw new QuakeGridInputException(source, null, null, "an observed IMT is listed twice");
        if (lnObserved.Length != m || lnSigma.Length != m || lnMedian.Length != m || tau.Length != m || phi.Length != m)
            throw new ArgumentException("one array per observed IMT is required for observations, sigma, median, tau and phi");
        if (ids is not null && ids.Count != n) throw new ArgumentException("one id per station is required");
        for (var k = 0; k < m; k++)
        {
            if (lnObserved[k].Length != n || lnSigma[k].Length != n || lnMedian[k].Length != n || tau[k].Length != n || phi[k].Length != n)
                throw new ArgumentException($"arrays for {imts[k]} must have one value per station ({n})");
            for (var s = 0; s < n; s++)
            {
                if (double.IsNaN(lnObserved[k][s])) continue;
                var rec = ids is null ? $"station {s}" : $"station {ids[s]}";
                var imt = imts[k].ToString();
                if (!double.IsFinite(lnObserved[k][s])) throw new QuakeGridInputException(source, rec, imt, $"ln observation {lnObserved[k][s]} is not finite");
                if (!double.IsFinite(lnSigma[k][s]) || lnSigma[k][s] < 0) throw new QuakeGridInputException(source, rec, imt + " ln sigma", $"observation ln sigma {lnSigma[k][s]} must be finite and >= 0");
                if (!double.IsFinite(lnMedian[k][s])) throw new QuakeGridInputException(source, rec, imt + " median", $"GMM ln median {lnMedian[k][s]} is not finite");
                if (!double.IsFinite(tau[k][s]) || tau[k][s] < 0) throw new QuakeGridInputException(source, rec, imt + " tau", $"GMM tau {tau[k][s]} must be finite and >= 0");
                if (!double.IsFinite(phi[k][s]) || phi[k][s] <= 0) throw new QuakeGridInputException(source, rec, imt + " phi", $"GMM phi {phi[k][s]} must be finite and > 0");
            }
        }
        Sites = sites; Imts = imts; LnObserved = lnObserved; LnSigma = lnSigma; LnMedian = lnMedian; Tau = tau; Phi = phi;
        Ids = ids; Source = source;
    }

    public CorrelationSites Sites { get; }
    public IReadOnlyList<Imt> Imts { get; }
    /// <summary>[imt][station] ln observed value; NaN = not observed.</summary>
    public double[][] LnObserved { get; }
    /// <summary>[imt][station] observation ln standard deviation (the variance addon is its square).</summary>
    public double[][] LnSigma { get; }
    /// <summary>[imt][station] GMM ln median at the station.</summary>
    public double[][] LnMedian { get; }
    /// <summary>[imt][station] GMM between-event standard deviation (ln units).</summary>
    public double[][] Tau { get; }
    /// <summary>[imt][station] GMM within-event standard deviation (ln units).</summary>
    public double[][] Phi { get; }
    public IReadOnlyList<string>? Ids { get; }
    public string Source { get; }
    public int Count => Sites.Count;

    /// <summary>Index of <paramref name="imt"/> in <see cref="Imts"/>, or −1.</summary>
    public int IndexOf(Imt imt)
    {
        for (var k = 0; k < Imts.Count; k++) if (Imts[k] == imt) return k;
        return -1;
    }

    /// <summary>True when at least one station observed <paramref name="imt"/>.</summary>
    public bool HasObservations(Imt imt)
    {
        var k = IndexOf(imt);
        if (k < 0) return false;
        foreach (var v in LnObserved[k]) if (!double.IsNaN(v)) return true;
        return false;
    }
}
