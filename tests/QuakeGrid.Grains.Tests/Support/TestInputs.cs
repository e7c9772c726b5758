using System.Globalization;
using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Sites;

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
    public static Rupture HaywardRupture()
    {
        var lines = File.ReadAllLines(DataPath("hayward", "rup_HaywardM625_UCERF2.csv"));
        var h = lines[0].Split(',');
        var v = lines[1].Split(',').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        double Col(string name) => v[Array.IndexOf(h, name)];
        GeoPoint Corner(int k) => new(Col($"long_p{k}"), Col($"lat_p{k}"), Col($"depth_p{k}"));
        var surface = new PlanarSurface(Corner(0), Corner(1), Corner(3), Corner(2));
        var hypo = new GeoPoint(Col("hypo_longitude"), Col("hypo_latitude"), 0.5 * (Col("depth_p0") + Col("depth_p2")));
        return new Rupture(Col("Magnitude"), Col("AverageRake"), hypo, surface);
    }

    private static SiteCollection LoadSites()
    {
        var lines = File.ReadAllLines(DataPath("hayward", "sites_every4th.csv"));
        var n = lines.Length - 1;
        var lon = new double[n];
        var lat = new double[n];
        var vs30 = new double[n];
        for (var i = 0; i < n; i++)
        {
            var f = lines[i + 1].Split(',');
            lon[i] = double.Parse(f[0], CultureInfo.InvariantCulture);
            lat[i] = double.Parse(f[1], CultureInfo.InvariantCulture);
            vs30[i] = double.Parse(f[2], CultureInfo.InvariantCulture);
        }
        return new SiteCollection(lon, lat, vs30, null, "hayward sites");
    }
}
