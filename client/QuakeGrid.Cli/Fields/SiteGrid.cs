using System.Globalization;
using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Sites;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Cli.Fields;

/// <summary>
/// A regular site grid from <c>lon0,lat0,lon1,lat1,spacing_km</c> (degrees, km): rows every
/// <c>spacing / (π·R/180)</c> degrees of latitude (R = <see cref="Geodesy.EarthRadiusKm"/>), and in each row columns every
/// <c>spacing / (π·R/180 · cos lat_row)</c> degrees of longitude, so neighbouring sites are <c>spacing</c> km apart in both
/// directions at every latitude. All sites get the same Vs30 (m/s).
/// </summary>
public static class SiteGrid
{
    /// <summary>Largest grid accepted (sites).</summary>
    public const int MaxSites = 20_000_000;

    public static SiteCollection Parse(string text, double vs30, string optionName = "--sites-grid")
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 5)
            throw new QuakeGridInputException(optionName, text, null, "expected lon0,lat0,lon1,lat1,spacing_km (5 numbers)");
        string[] names = ["lon0", "lat0", "lon1", "lat1", "spacing_km"];
        var v = new double[5];
        for (var k = 0; k < 5; k++)
        {
            if (!double.TryParse(parts[k], NumberStyles.Float, CultureInfo.InvariantCulture, out v[k]) || !double.IsFinite(v[k]))
                throw new QuakeGridInputException(optionName, text, names[k], $"'{parts[k]}' is not a finite number");
        }
        var (lon0, lat0, lon1, lat1, spacing) = (v[0], v[1], v[2], v[3], v[4]);
        if (lon0 < -180 || lon0 > 180 || lon1 < -180 || lon1 > 180) throw new QuakeGridInputException(optionName, text, "lon0/lon1", "longitude outside [-180, 180]");
        if (lat0 < -89 || lat0 > 89 || lat1 < -89 || lat1 > 89) throw new QuakeGridInputException(optionName, text, "lat0/lat1", "latitude outside [-89, 89]");
        if (!(lon1 > lon0)) throw new QuakeGridInputException(optionName, text, "lon1", "lon1 must be greater than lon0");
        if (!(lat1 > lat0)) throw new QuakeGridInputException(optionName, text, "lat1", "lat1 must be greater than lat0");
        if (!(spacing > 0)) throw new QuakeGridInputException(optionName, text, "spacing_km", "spacing must be positive");
        if (!(vs30 > 0) || !double.IsFinite(vs30)) throw new QuakeGridInputException("--vs30", null, null, "Vs30 must be a positive number (m/s)");

        var kmPerDegree = Math.PI * Geodesy.EarthRadiusKm / 180.0;
        var dLat = spacing / kmPerDegree;
        var rows = (int)Math.Floor((lat1 - lat0) / dLat + 1e-9) + 1;
        var lon = new List<double>();
        var lat = new List<double>();
        for (var r = 0; r < rows; r++)
        {
            var la = lat0 + r * dLat;
            var dLon = spacing / (kmPerDegree * Math.Cos(la * Math.PI / 180.0));
            var cols = (int)Math.Floor((lon1 - lon0) / dLon + 1e-9) + 1;
            if ((long)lon.Count + cols > MaxSites)
                throw new QuakeGridInputException(optionName, text, "spacing_km", $"the grid has more than {MaxSites:N0} sites; use a coarser spacing or a smaller box");
            for (var c = 0; c < cols; c++)
            {
                lon.Add(lon0 + c * dLon);
                lat.Add(la);
            }
        }
        var vs = new double[lon.Count];
        Array.Fill(vs, vs30);
        return new SiteCollection(lon.ToArray(), lat.ToArray(), vs, null, optionName);
    }
}
