using QuakeGrid.Contracts.Hazard;
using QuakeGrid.Contracts.Sites;
using QuakeGrid.Core.Hazard;

namespace QuakeGrid.Grains.Sites;

/// <summary>
/// Intensity at return periods from a site's mean hazard curves: PoE = 1 − exp(−t/T) for investigation time t and return
/// period T (Poisson, Core <see cref="ClassicalCalculator.PoissonPoe"/>), and the IML by Core's <see cref="HazardMaps.ImlAtPoe"/> (OpenQuake's log-log interpolation).
/// </summary>
public static class HazardAtReturnPeriods
{
    /// <summary>One entry per IMT of <paramref name="site"/>.</summary>
    public static ReturnPeriodValues[] Compute(SiteHazard site, double investigationTime, double[] returnPeriods)
    {
        if (!(investigationTime > 0)) throw new ArgumentException($"investigation time {investigationTime} must be > 0");
        var poes = returnPeriods.Select(t => ClassicalCalculator.PoissonPoe(investigationTime / t)).ToArray();
        return site.Curves.Select(c =>
        {
            var levels = c.Levels.ToArray();
            var curve = c.Poes.ToArray();
            return new ReturnPeriodValues(c.Imt, returnPeriods, poes, poes.Select(p => HazardMaps.ImlAtPoe(levels, curve, p)).ToArray());
        }).ToArray();
    }
}
