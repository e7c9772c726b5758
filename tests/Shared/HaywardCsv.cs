using System.Globalization;
using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Sites;

namespace QuakeGrid.Tests.Shared;

/// <summary>
/// Readers of the Hayward test inputs shared (as a linked source file) by the Grains and Cluster test projects: the UCERF2
/// Hayward M6.25 rupture CSV and the Bay Area site CSVs (lon, lat, vs30). Each project keeps its own copy of the data with its
/// PROVENANCE.md under data/hayward/.
/// </summary>
internal static class HaywardCsv
{
    /// <summary>The vertical strike-slip Hayward rupture: corners p0,p1 (top) and p2,p3 (bottom) of the UCERF2 file.</summary>
    public static Rupture ReadRupture(string path)
    {
        var lines = File.ReadAllLines(path);
        var h = lines[0].Split(',');
        var v = lines[1].Split(',').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        double Col(string name) => v[Array.IndexOf(h, name)];
        GeoPoint Corner(int k) => new(Col($"long_p{k}"), Col($"lat_p{k}"), Col($"depth_p{k}"));
        var surface = new PlanarSurface(Corner(0), Corner(1), Corner(3), Corner(2));
        var hypo = new GeoPoint(Col("hypo_longitude"), Col("hypo_latitude"), 0.5 * (Col("depth_p0") + Col("depth_p2")));
        return new Rupture(Col("Magnitude"), Col("AverageRake"), hypo, surface);
    }

    /// <summary>Sites lon, lat, Vs30 from a CSV with that header; z1.0 unknown (NaN).</summary>
    public static SiteCollection ReadSites(string path)
    {
        var lines = File.ReadAllLines(path);
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
