using System.Globalization;
using QuakeGrid.Core.Sites;

namespace QuakeGrid.Core.Tests.IO.Stations;

/// <summary>Minimal site-model CSV loader for the tests (lon, lat, vs30 and optional z1pt0 columns by name).</summary>
internal static class TestSiteModel
{
    public static SiteCollection Load(string path)
    {
        var lines = File.ReadAllLines(path);
        var h = lines[0].Split(',').Select(s => s.Trim()).ToList();
        int lo = h.IndexOf("lon"), la = h.IndexOf("lat"), vs = h.IndexOf("vs30"), z1 = h.IndexOf("z1pt0");
        var rows = lines.Skip(1).Where(l => l.Trim().Length > 0).Select(l => l.Split(',')).ToList();
        double P(string s) => double.Parse(s, CultureInfo.InvariantCulture);
        return new SiteCollection(rows.Select(r => P(r[lo])).ToArray(), rows.Select(r => P(r[la])).ToArray(),
            rows.Select(r => P(r[vs])).ToArray(), z1 >= 0 ? rows.Select(r => P(r[z1])).ToArray() : null, path);
    }
}
