using QuakeGrid.Core.Correlation;

namespace QuakeGrid.Core.Tests.Conditioning;

internal static class TestSites
{
    /// <summary>CorrelationSites from lon/lat with X/Y in an equirectangular projection about (lon0, lat0), km.</summary>
    public static CorrelationSites FromLonLat(double[] lon, double[] lat, double lon0 = -122.0, double lat0 = 38.0)
    {
        var n = lon.Length;
        var x = new double[n];
        var y = new double[n];
        var k = Math.PI / 180.0 * 6371.0;
        for (var i = 0; i < n; i++)
        {
            x[i] = (lon[i] - lon0) * k * Math.Cos(lat0 * Math.PI / 180.0);
            y[i] = (lat[i] - lat0) * k;
        }
        var vs30 = Enumerable.Repeat(780.0, n).ToArray();
        return new CorrelationSites(lon, lat, x, y, vs30, Array.Empty<double>(), Array.Empty<double>());
    }
}
