using System.Text.Json;
using QuakeGrid.Contracts.Ruptures;

namespace QuakeGrid.Http.Tests.Support;

/// <summary>The 2023 Türkiye test event: the ShakeMap stationlist and a rupture built from the USGS rupture extent.</summary>
public static class Turkey2023
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "data", "turkey2023");
    public static string StationListPath => Path.Combine(Folder, "stationlist.json");

    /// <summary>
    /// Vertical planes under each segment of the first polygon's top edge (depth 1 to 16 km, as the polygon), hypocentre,
    /// magnitude and rake from the file's metadata.
    /// </summary>
    public static RuptureSpec Rupture()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "rupture.json")));
        var meta = doc.RootElement.GetProperty("metadata");
        var ring = doc.RootElement.GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates")[0][0];
        var top = new List<(double Lon, double Lat)>();
        foreach (var p in ring.EnumerateArray())
        {
            if (p[2].GetDouble() != 1.0) break;
            top.Add((p[0].GetDouble(), p[1].GetDouble()));
        }
        var planes = new List<PlaneSpec>();
        for (var i = 0; i + 1 < top.Count; i++)
        {
            var (a, b) = (top[i], top[i + 1]);
            if (a == b) continue;
            planes.Add(new PlaneSpec(new PointSpec(a.Lon, a.Lat, 1.0), new PointSpec(b.Lon, b.Lat, 1.0), new PointSpec(a.Lon, a.Lat, 16.0), new PointSpec(b.Lon, b.Lat, 16.0)));
        }
        return new RuptureSpec(meta.GetProperty("mag").GetDouble(), meta.GetProperty("rake").GetDouble(),
            new PointSpec(meta.GetProperty("lon").GetDouble(), meta.GetProperty("lat").GetDouble(), meta.GetProperty("depth").GetDouble()), planes.ToArray());
    }

    /// <summary>The PUT body defining the event.</summary>
    public static object EventBody(int neighbours, string correlation = "JB2009") => new
    {
        rupture = Rupture(),
        gmm = "BSSA14",
        imts = new[] { "PGA", "SA(1.0)" },
        correlation,
        defaultVs30 = 760.0,
        neighbours,
    };
}
