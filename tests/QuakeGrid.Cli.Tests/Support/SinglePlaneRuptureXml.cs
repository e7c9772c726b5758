using System.Globalization;

namespace QuakeGrid.Cli.Tests.Support;

/// <summary>
/// NRML 0.5 <c>singlePlaneRupture</c> test inputs: magnitude, rake (°), hypocentre (lon, lat in °, depth in km) and the
/// plane's strike and dip (°) with its four corners (top then bottom edge, left then right; lon, lat in °, depth in km).
/// </summary>
internal static class SinglePlaneRuptureXml
{
    /// <summary>A corner or the hypocentre: lon, lat (°), depth (km).</summary>
    public readonly record struct Point(double Lon, double Lat, double Depth);

    public static string Create(double magnitude, double rake, Point hypocenter, double strike, double dip,
        Point topLeft, Point topRight, Point bottomLeft, Point bottomRight) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <nrml xmlns="http://openquake.org/xmlns/nrml/0.5">
          <singlePlaneRupture>
            <magnitude>{F(magnitude)}</magnitude>
            <rake>{F(rake)}</rake>
            <hypocenter {Attributes(hypocenter)}/>
            <planarSurface strike="{F(strike)}" dip="{F(dip)}">
              <topLeft {Attributes(topLeft)}/>
              <topRight {Attributes(topRight)}/>
              <bottomLeft {Attributes(bottomLeft)}/>
              <bottomRight {Attributes(bottomRight)}/>
            </planarSurface>
          </singlePlaneRupture>
        </nrml>
        """;

    private static string Attributes(Point p) => $"lon=\"{F(p.Lon)}\" lat=\"{F(p.Lat)}\" depth=\"{F(p.Depth)}\"";

    private static string F(double v) => v.ToString("0.0###", CultureInfo.InvariantCulture);
}
