using QuakeGrid.Core.Imts;
using QuakeGrid.Core.Sites;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.IO.Stations;

/// <summary>
/// Observed ground motions at stations, as structure-of-arrays, the same for every input format.
/// Coordinates in decimal degrees; Vs30 in m/s and z1.0 in metres (NaN when the file gives none);
/// <see cref="Value"/>[imt][station] is the observed amplitude in linear units (PGA and SA in g, PGV in cm/s), NaN when
/// the station has no accepted value for that IMT; <see cref="LnSigma"/>[imt][station] its ln standard deviation
/// (0 for instrumental records).
/// </summary>
public sealed class StationSet
{
    internal StationSet(string source, string[] ids, string[] names, string[] records, double[] lon, double[] lat, double[] vs30, double[] z1pt0,
        StationKind[] kind, string[] network, IReadOnlyList<Imt> imts, double[][] value, double[][] lnSigma)
    {
        Source = source; Ids = ids; Names = names; Records = records; Lon = lon; Lat = lat; Vs30 = vs30; Z1pt0 = z1pt0;
        Kind = kind; Network = network; Imts = imts; Value = value; LnSigma = lnSigma;
    }

    /// <summary>File the stations were read from.</summary>
    public string Source { get; }
    public string[] Ids { get; }
    public string[] Names { get; }
    /// <summary>Where each station was read (e.g. "line 12", "feature 3").</summary>
    public string[] Records { get; }
    public double[] Lon { get; }
    public double[] Lat { get; }
    /// <summary>Vs30, m/s; NaN when not given.</summary>
    public double[] Vs30 { get; }
    /// <summary>Depth to Vs = 1 km/s, metres; NaN when not given.</summary>
    public double[] Z1pt0 { get; }
    public StationKind[] Kind { get; }
    /// <summary>Network or data source label from the file (may be empty).</summary>
    public string[] Network { get; }
    /// <summary>IMTs with at least one accepted value.</summary>
    public IReadOnlyList<Imt> Imts { get; }
    /// <summary>[imt][station] observed value, g (PGA, SA) or cm/s (PGV); NaN = no accepted value.</summary>
    public double[][] Value { get; }
    /// <summary>[imt][station] ln standard deviation of the observation.</summary>
    public double[][] LnSigma { get; }
    public int Count => Ids.Length;

    /// <summary>Index of <paramref name="imt"/> in <see cref="Imts"/>, or −1.</summary>
    public int IndexOf(Imt imt)
    {
        for (var k = 0; k < Imts.Count; k++) if (Imts[k] == imt) return k;
        return -1;
    }

    /// <summary>Number of stations with an accepted value of <paramref name="imt"/>.</summary>
    public int CountObserved(Imt imt)
    {
        var k = IndexOf(imt);
        return k < 0 ? 0 : Value[k].Count(v => !double.IsNaN(v));
    }

    /// <summary>
    /// The stations as GMM sites. Every station must have a Vs30 (from the file or a site model); throws a
    /// <see cref="QuakeGridInputException"/> naming the first one without.
    /// </summary>
    public SiteCollection ToSiteCollection()
    {
        for (var i = 0; i < Count; i++)
            if (!double.IsFinite(Vs30[i]))
                throw new QuakeGridInputException(Source, $"station {Ids[i]} ({Records[i]})", "vs30", "no Vs30 for this station: give a site model (or a file with vs30)");
        return new SiteCollection((double[])Lon.Clone(), (double[])Lat.Clone(), (double[])Vs30.Clone(), (double[])Z1pt0.Clone(), Source);
    }
}
