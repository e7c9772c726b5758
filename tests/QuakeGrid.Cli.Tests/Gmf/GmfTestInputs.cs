using System.Globalization;
using System.Text;
using QuakeGrid.Cli.Tests.Support;

namespace QuakeGrid.Cli.Tests.Gmf;

/// <summary>A small rupture and site file for the gmf/condition tests.</summary>
internal static class GmfTestInputs
{
    public static readonly string RuptureXml = SinglePlaneRuptureXml.Create(6.5, 0.0, new(-122.00, 37.80, 8.0), 0.0, 90.0,
        new(-122.00, 37.70, 0.0), new(-122.00, 37.90, 0.0), new(-122.00, 37.70, 15.0), new(-122.00, 37.90, 15.0));

    /// <summary><paramref name="n"/> sites on a slightly irregular line/band east of the fault.</summary>
    public static string SitesCsv(int n)
    {
        var sb = new StringBuilder("custom_site_id,lon,lat,vs30\n");
        for (var i = 0; i < n; i++)
        {
            var lon = -121.95 + 0.01 * (i % 6) + 0.001 * i;
            var lat = 37.70 + 0.02 * (i / 6);
            sb.Append(CultureInfo.InvariantCulture, $"s{i},{lon},{lat},{300 + 20 * (i % 7)}\n");
        }
        return sb.ToString();
    }
}
