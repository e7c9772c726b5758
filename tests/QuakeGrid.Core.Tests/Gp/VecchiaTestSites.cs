using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Random;
using QuakeGrid.Core.Sites;

namespace QuakeGrid.Core.Tests.Gp;

internal static class VecchiaTestSites
{
    /// <summary>n uniform random sites in a lon/lat box of about 60 × 60 km near 37.5°N, Vs30 760.</summary>
    public static CorrelationSites Random(int n, ulong seed, double sizeDeg = 0.6)
    {
        var g = new Xoshiro256StarStar(seed);
        var lon = new double[n];
        var lat = new double[n];
        for (var i = 0; i < n; i++)
        {
            lon[i] = -122.5 + sizeDeg / Math.Cos(37.5 * Math.PI / 180) * g.NextDouble();
            lat[i] = 37.2 + sizeDeg * g.NextDouble();
        }
        return CorrelationSiteBuilder.FromSites(new SiteCollection(lon, lat, Enumerable.Repeat(760.0, n).ToArray()));
    }
}
