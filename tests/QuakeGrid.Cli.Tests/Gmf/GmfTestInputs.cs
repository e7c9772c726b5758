using System.Globalization;
using System.Text;

namespace QuakeGrid.Cli.Tests.Gmf;

/// <summary>A small rupture and site file for the gmf/condition tests.</summary>
internal static class GmfTestInputs
{
    public const string RuptureXml = """
        <?xml version="1.0" encoding="utf-8"?>
        <nrml xmlns="http://openquake.org/xmlns/nrml/0.5">
          <singlePlaneRupture>
            <magnitude>6.5</magnitude>
            <rake>0.0</rake>
            <hypocenter lon="-122.00" lat="37.80" depth="8.0"/>
            <planarSurface strike="0.0" dip="90.0">
              <topLeft lon="-122.00" lat="37.70" depth="0.0"/>
              <topRight lon="-122.00" lat="37.90" depth="0.0"/>
              <bottomLeft lon="-122.00" lat="37.70" depth="15.0"/>
              <bottomRight lon="-122.00" lat="37.90" depth="15.0"/>
            </planarSurface>
          </singlePlaneRupture>
        </nrml>
        """;

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
