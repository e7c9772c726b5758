namespace QuakeGrid.Core.Inference.Data;

/// <summary>
/// Dissimilarities between two records of one event from their epicentral polar coordinates (Bodenmann, Baker &amp;
/// Stojadinović 2023, Sect. 3): Euclidean distance d_E from the law of cosines, angular distance d_A between the
/// epicentral azimuths, and (elsewhere) the Vs30 difference d_S.
/// </summary>
public static class BodenmannDistances
{
    /// <summary>d_E = sqrt(r_i² + r_j² − 2 r_i r_j cos(θ_i − θ_j)), km; azimuths in radians.</summary>
    public static double Euclidean(double ri, double thetaIRad, double rj, double thetaJRad)
    {
        var sq = ri * ri + rj * rj - 2 * ri * rj * Math.Cos(thetaIRad - thetaJRad);
        return sq > 0 ? Math.Sqrt(sq) : 0.0;
    }

    /// <summary>d_A in degrees, in [0, 180]: the angle between the two azimuths (radians in).</summary>
    public static double AngleDegrees(double thetaIRad, double thetaJRad)
    {
        var d = Math.Abs(thetaIRad - thetaJRad) % (2 * Math.PI);
        if (d > Math.PI) d = 2 * Math.PI - d;
        return d * (180.0 / Math.PI);
    }
}
