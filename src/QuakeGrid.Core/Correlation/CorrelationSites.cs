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
}
