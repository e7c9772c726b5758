using System.Globalization;
using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Sites;

namespace QuakeGrid.Cluster.Tests.Support;

/// <summary>The Hayward M6.25 rupture and 1,200 Bay Area sites (see data/hayward/PROVENANCE.md).</summary>
public static class HaywardInputs
{
    private static string DataPath(string file) => Path.Combine(AppContext.BaseDirectory, "data", "hayward", file);

    public static Rupture Rupture()
    {
        var lines = File.ReadAllLines(DataPath("rup_HaywardM625_UCERF2.csv"));
        var h = lines[0].Split(',');
        var v = lines[1].Split(',').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        double Col(string name) => v[Array.IndexOf(h, name)];
        GeoPoint Corner(int k) => new(Col($"long_p{k}"), Col($"lat_p{k}"), Col($"depth_p{k}"));
        var surface = new PlanarSurface(Corner(0), Corner(1), Corner(3), Corner(2));
        var hypo = new GeoPoint(Col("hypo_longitude"), Col("hypo_latitude"), 0.5 * (Col("depth_p0") + Col("depth_p2")));
        return new Rupture(Col("Magnitude"), Col("AverageRake"), hypo, surface);
    }

    public static SiteCollection Sites()
    {
        var lines = File.ReadAllLines(DataPath("sites_1200.csv"));
        var n = lines.Length - 1;
        double[] lon = new double[n], lat = new double[n], vs30 = new double[n];
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
