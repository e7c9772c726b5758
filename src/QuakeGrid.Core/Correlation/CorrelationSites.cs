namespace QuakeGrid.Core.Correlation;

/// <summary>
/// Site descriptors a spatial-correlation kernel may need, as structure-of-arrays:
/// longitude/latitude (degrees), planar coordinates X/Y (km, in a local projection shared by all sites of a job),
/// Vs30 (m/s), and epicentral distance (km) and azimuth (degrees clockwise from north) for path-dependent kernels.
/// Arrays not needed by a kernel may be empty.
/// </summary>
public sealed class CorrelationSites
{
    public CorrelationSites(double[] lon, double[] lat, double[] x, double[] y, double[] vs30, double[] epiDistance, double[] epiAzimuth)
    {
        Lon = lon; Lat = lat; X = x; Y = y; Vs30 = vs30; EpiDistance = epiDistance; EpiAzimuth = epiAzimuth;
    }

    public double[] Lon { get; }
    public double[] Lat { get; }
    /// <summary>Easting in the job's local projection, km.</summary>
    public double[] X { get; }
    /// <summary>Northing in the job's local projection, km.</summary>
    public double[] Y { get; }
    /// <summary>Vs30, m/s.</summary>
    public double[] Vs30 { get; }
    /// <summary>Epicentral distance, km.</summary>
    public double[] EpiDistance { get; }
    /// <summary>Epicentral azimuth, degrees clockwise from north.</summary>
    public double[] EpiAzimuth { get; }
    public int Count => Lon.Length;

    private double[]? _ux, _uy, _uz;

    /// <summary>
    /// Geocentric unit vectors of the sites (spherical Earth), computed once on first use from <see cref="Lon"/>/<see cref="Lat"/>.
    /// The great-circle distance is 2·R·asin(|u_i − u_j|/2), which equals the haversine distance OpenQuake uses.
    /// </summary>
    public (double[] X, double[] Y, double[] Z) UnitVectors
    {
        get
        {
            if (_uz is null)
            {
                var n = Lon.Length;
                var ux = new double[n];
                var uy = new double[n];
                var uz = new double[n];
                const double d2r = Math.PI / 180.0;
                for (var k = 0; k < n; k++)
                {
                    var cl = Math.Cos(Lat[k] * d2r);
                    ux[k] = cl * Math.Cos(Lon[k] * d2r);
                    uy[k] = cl * Math.Sin(Lon[k] * d2r);
                    uz[k] = Math.Sin(Lat[k] * d2r);
                }
                _ux = ux;
                _uy = uy;
                Volatile.Write(ref _uz, uz);
            }
            return (_ux!, _uy!, _uz);
        }
    }
}
