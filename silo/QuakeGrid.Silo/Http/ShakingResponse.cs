using QuakeGrid.Contracts.Sites;

namespace QuakeGrid.Silo.Http;

/// <summary>Conditioned ground motion in ln units (as computed).</summary>
public sealed record LnMoments(double Mean, double Std, double StdWithin, double StdBetween, double PriorMedian, double Tau, double Phi);

/// <summary>
/// The same in linear units (g; cm/s for PGV) for a lognormal Y: the median exp(mu), the mean exp(mu + s²/2) and the
/// standard deviation mean·sqrt(exp(s²) − 1).
/// </summary>
public sealed record LinearMoments(string Units, double Median, double Mean, double Std);

/// <summary>Body of <c>GET /v1/events/{id}/sites/shaking</c>.</summary>
public sealed record ShakingResponse(string EventId, string Imt, double QueryLon, double QueryLat, double Lon, double Lat, double Vs30,
    int Revision, int StationsUsed, LnMoments Ln, LinearMoments Linear)
{
    /// <summary>From a site grain's answer.</summary>
    public static ShakingResponse From(SiteShaking s, double queryLon, double queryLat)
    {
        var mean = Math.Exp(s.MeanLn + 0.5 * s.StdLn * s.StdLn);
        return new ShakingResponse(s.EventId, s.Imt, queryLon, queryLat, s.Lon, s.Lat, s.Vs30, s.Revision, s.StationsUsed,
            new LnMoments(s.MeanLn, s.StdLn, s.StdWithin, s.StdBetween, s.PriorLnMedian, s.Tau, s.Phi),
            new LinearMoments(s.Imt == "PGV" ? "cm/s" : "g", Math.Exp(s.MeanLn), mean, mean * Math.Sqrt(Math.Exp(s.StdLn * s.StdLn) - 1.0)));
    }
}
