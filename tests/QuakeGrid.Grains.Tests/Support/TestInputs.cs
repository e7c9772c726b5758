using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Sites;
using QuakeGrid.Tests.Shared;

namespace QuakeGrid.Grains.Tests.Support;

/// <summary>The Hayward M6.25 rupture and a 3,108-site subset of the Bay Area sites (see data/hayward/PROVENANCE.md).</summary>
public static class TestInputs
{
    private static readonly Lazy<SiteCollection> LazySites = new(LoadSites);

    public static string DataPath(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "data", .. parts]);

    /// <summary>Sites lon, lat, Vs30; z1.0 unknown (NaN).</summary>
    public static SiteCollection HaywardSites => LazySites.Value;

    /// <summary>The same sites with a z1.0 that varies from site to site (metres), for the basin term.</summary>
    public static SiteCollection HaywardSitesWithZ1()
    {
        var s = HaywardSites;
        var z1 = new double[s.Count];
        for (var i = 0; i < z1.Length; i++) z1[i] = 50.0 + 7.0 * (i % 61);
        return new SiteCollection(s.Lon, s.Lat, s.Vs30, z1, "hayward sites with z1");
    }

    /// <summary>The vertical strike-slip Hayward rupture: corners p0,p1 (top) and p2,p3 (bottom) of the UCERF2 file.</summary>
    public static Rupture HaywardRupture() => HaywardCsv.ReadRupture(DataPath("hayward", "rup_HaywardM625_UCERF2.csv"));

    private static SiteCollection LoadSites() => HaywardCsv.ReadSites(DataPath("hayward", "sites_every4th.csv"));
}
