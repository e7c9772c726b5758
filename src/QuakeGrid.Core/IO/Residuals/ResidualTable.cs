namespace QuakeGrid.Core.IO.Residuals;

/// <summary>
/// Within-event ground-motion residuals of recorded events, structure-of-arrays, one entry per record, in the
/// column layout of Bodenmann, Baker &amp; Stojadinović (2023, NHESS 23:2387) NGA-West2 tables:
/// <c>recid,eqid,magnitude,region,station_longitude,station_latitude,epi_dist,epi_azimuth,vs30,scaled_deltaW</c>.
/// </summary>
/// <remarks>
/// Units: longitude/latitude in degrees, epicentral distance in km, epicentral azimuth in <b>radians</b>
/// (as in the published files; values in [−π, π] or [0, 2π]), Vs30 in m/s, and the within-event residual scaled by
/// the GMM's phi (dimensionless, nominally unit variance).
/// </remarks>
public sealed class ResidualTable
{
    /// <summary>Creates a table; all arrays must have the same length. Validation is the reader's job.</summary>
    public ResidualTable(long[] recId, long[] eqId, double[] magnitude, string[] region, double[] stationLon,
        double[] stationLat, double[] epiDistKm, double[] epiAzimuthRad, double[] vs30, double[] scaledDeltaW)
    {
        var n = recId.Length;
        if (eqId.Length != n || magnitude.Length != n || region.Length != n || stationLon.Length != n ||
            stationLat.Length != n || epiDistKm.Length != n || epiAzimuthRad.Length != n || vs30.Length != n ||
            scaledDeltaW.Length != n)
            throw new ArgumentException("All residual-table columns must have the same length.");
        RecId = recId; EqId = eqId; Magnitude = magnitude; Region = region; StationLon = stationLon;
        StationLat = stationLat; EpiDistKm = epiDistKm; EpiAzimuthRad = epiAzimuthRad; Vs30 = vs30;
        ScaledDeltaW = scaledDeltaW;
    }

    /// <summary>Record id (NGA-West2 RSN for the published data); unique within a table.</summary>
    public long[] RecId { get; }
    /// <summary>Event id; records of one event share it.</summary>
    public long[] EqId { get; }
    /// <summary>Moment magnitude of the record's event.</summary>
    public double[] Magnitude { get; }
    /// <summary>Region label (may be empty).</summary>
    public string[] Region { get; }
    /// <summary>Station longitude, degrees.</summary>
    public double[] StationLon { get; }
    /// <summary>Station latitude, degrees.</summary>
    public double[] StationLat { get; }
    /// <summary>Epicentral distance, km.</summary>
    public double[] EpiDistKm { get; }
    /// <summary>Epicentral azimuth of the station seen from the epicentre, radians.</summary>
    public double[] EpiAzimuthRad { get; }
    /// <summary>Vs30 at the station, m/s.</summary>
    public double[] Vs30 { get; }
    /// <summary>Within-event residual divided by phi (dimensionless).</summary>
    public double[] ScaledDeltaW { get; }

    /// <summary>Number of records.</summary>
    public int Count => RecId.Length;

    /// <summary>Returns the sub-table of the records whose indices are given, in that order.</summary>
    public ResidualTable Subset(IReadOnlyList<int> rows)
    {
        T[] Pick<T>(T[] a) { var r = new T[rows.Count]; for (var i = 0; i < r.Length; i++) r[i] = a[rows[i]]; return r; }
        return new ResidualTable(Pick(RecId), Pick(EqId), Pick(Magnitude), Pick(Region), Pick(StationLon),
            Pick(StationLat), Pick(EpiDistKm), Pick(EpiAzimuthRad), Pick(Vs30), Pick(ScaledDeltaW));
    }

    /// <summary>Returns the sub-table of the records whose event id satisfies <paramref name="keep"/>, in file order.</summary>
    public ResidualTable WhereEvent(Func<long, bool> keep)
    {
        var rows = new List<int>();
        for (var i = 0; i < Count; i++) if (keep(EqId[i])) rows.Add(i);
        return Subset(rows);
    }
}
