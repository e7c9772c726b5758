using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.Sites;

/// <summary>
/// Sites as structure-of-arrays. Longitude and latitude in decimal degrees (WGS84), Vs30 in m/s,
/// z1.0 (depth to Vs = 1 km/s) in metres; <see cref="double.NaN"/> in <see cref="Z1pt0"/> means unknown.
/// </summary>
public sealed class SiteCollection
{
    public SiteCollection(double[] lon, double[] lat, double[] vs30, double[]? z1pt0 = null, string source = "sites")
    {
        if (lat.Length != lon.Length || vs30.Length != lon.Length || (z1pt0 is not null && z1pt0.Length != lon.Length))
            throw new ArgumentException("site arrays must have equal length");
        for (var i = 0; i < lon.Length; i++)
        {
            if (!double.IsFinite(lon[i]) || lon[i] < -180 || lon[i] > 360) throw new QuakeGridInputException(source, $"site {i}", "lon", $"longitude {lon[i]} is not a finite value in [-180, 360]");
            if (!double.IsFinite(lat[i]) || lat[i] < -90 || lat[i] > 90) throw new QuakeGridInputException(source, $"site {i}", "lat", $"latitude {lat[i]} is not a finite value in [-90, 90]");
            if (!double.IsFinite(vs30[i]) || vs30[i] <= 0) throw new QuakeGridInputException(source, $"site {i}", "vs30", $"Vs30 {vs30[i]} must be a finite positive value in m/s");
            if (z1pt0 is not null && (double.IsInfinity(z1pt0[i]) || z1pt0[i] < 0)) throw new QuakeGridInputException(source, $"site {i}", "z1pt0", $"z1pt0 {z1pt0[i]} must be a non-negative depth in metres (NaN for unknown)");
        }
        Lon = lon;
        Lat = lat;
        Vs30 = vs30;
        Z1pt0 = z1pt0 ?? Filled(lon.Length, double.NaN);
    }

    /// <summary>Longitude, decimal degrees.</summary>
    public double[] Lon { get; }
    /// <summary>Latitude, decimal degrees.</summary>
    public double[] Lat { get; }
    /// <summary>Time-averaged shear-wave velocity in the top 30 m, m/s.</summary>
    public double[] Vs30 { get; }
    /// <summary>Depth to the 1.0 km/s shear-wave horizon, metres; NaN when unknown.</summary>
    public double[] Z1pt0 { get; }

    public int Count => Lon.Length;

    private static double[] Filled(int n, double v)
    {
        var a = new double[n];
        Array.Fill(a, v);
        return a;
    }
}
