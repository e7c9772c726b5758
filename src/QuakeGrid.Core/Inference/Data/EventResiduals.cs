namespace QuakeGrid.Core.Inference.Data;

/// <summary>
/// The records of one event prepared for the pooled correlation likelihood: scaled within-event residuals z and,
/// for every pair i &gt; j (packed row-major lower triangle, index i(i−1)/2 + j), the three dissimilarities of
/// Bodenmann, Baker &amp; Stojadinović (2023, Eqs. 5–7) in the forms the kernel needs.
/// </summary>
public sealed class EventResiduals
{
    internal EventResiduals(long eqId, double[] z, double[] epiDistKm, double[] epiAzimuthRad, double[] vs30)
    {
        EqId = eqId;
        Z = z;
        EpiDistKm = epiDistKm;
        EpiAzimuthRad = epiAzimuthRad;
        Vs30 = vs30;
        var n = z.Length;
        var pairs = n * (n - 1) / 2;
        DistanceE = new double[pairs];
        LnDistanceE = new double[pairs];
        AngleFraction = new double[pairs];
        LnOneMinusAngleFraction = new double[pairs];
        DistanceS = new double[pairs];
        var p = 0;
        for (var i = 1; i < n; i++)
        for (var j = 0; j < i; j++, p++)
        {
            var de = BodenmannDistances.Euclidean(epiDistKm[i], epiAzimuthRad[i], epiDistKm[j], epiAzimuthRad[j]);
            DistanceE[p] = de;
            LnDistanceE[p] = de > 0 ? Math.Log(de) : double.NegativeInfinity;
            var f = BodenmannDistances.AngleDegrees(epiAzimuthRad[i], epiAzimuthRad[j]) / 180.0;
            AngleFraction[p] = f;
            LnOneMinusAngleFraction[p] = f < 1 ? Math.Log(1 - f) : double.NegativeInfinity;
            DistanceS[p] = Math.Abs(vs30[i] - vs30[j]);
        }
    }

    /// <summary>Event id.</summary>
    public long EqId { get; }
    /// <summary>Number of records.</summary>
    public int Count => Z.Length;
    /// <summary>Scaled within-event residuals.</summary>
    public double[] Z { get; }
    /// <summary>Epicentral distance per record, km.</summary>
    public double[] EpiDistKm { get; }
    /// <summary>Epicentral azimuth per record, radians.</summary>
    public double[] EpiAzimuthRad { get; }
    /// <summary>Vs30 per record, m/s.</summary>
    public double[] Vs30 { get; }
    /// <summary>d_E per pair, km.</summary>
    public double[] DistanceE { get; }
    /// <summary>ln d_E per pair (−∞ for coincident stations).</summary>
    public double[] LnDistanceE { get; }
    /// <summary>d_A/180 per pair, in [0, 1].</summary>
    public double[] AngleFraction { get; }
    /// <summary>ln(1 − d_A/180) per pair (−∞ for opposite azimuths).</summary>
    public double[] LnOneMinusAngleFraction { get; }
    /// <summary>d_S = |ΔVs30| per pair, m/s.</summary>
    public double[] DistanceS { get; }
}
