namespace QuakeGrid.Core.Hazard;

/// <summary>
/// Hazard maps from hazard curves, as OpenQuake's <c>compute_hazard_maps</c>: the intensity level at a requested PoE is
/// found by linear interpolation of ln(IML) against ln(PoE) (PoEs floored at 1e-30); it is 0 where the requested PoE is
/// above the whole curve, and the largest level where it is below the whole curve.
/// </summary>
public static class HazardMaps
{
    private const double PoeFloor = 1e-30;

    /// <summary>The IML (same unit as <paramref name="levels"/>) at which <paramref name="curve"/> reaches <paramref name="poe"/>.</summary>
    public static double ImlAtPoe(ReadOnlySpan<double> levels, ReadOnlySpan<double> curve, double poe)
    {
        if (levels.Length != curve.Length || levels.Length == 0) throw new ArgumentException("levels and curve must have the same non-zero length");
        if (!(poe > 0 && poe < 1)) throw new ArgumentException($"PoE {poe} must be in (0, 1)");
        var n = levels.Length;
        var allBelow = true;
        for (var i = 0; i < n; i++) if (Math.Max(curve[i], PoeFloor) >= poe) { allBelow = false; break; }
        if (allBelow) return 0.0;
        var lp = Math.Log(poe);
        // The curve decreases with the level; walk it as numpy.interp does on the reversed (increasing) arrays.
        var first = Math.Log(Math.Max(curve[n - 1], PoeFloor));
        if (lp <= first) return levels[n - 1];
        for (var i = n - 1; i > 0; i--)
        {
            var x0 = Math.Log(Math.Max(curve[i], PoeFloor));
            var x1 = Math.Log(Math.Max(curve[i - 1], PoeFloor));
            if (lp <= x1)
            {
                if (x1 == x0) return levels[i - 1];
                var t = (lp - x0) / (x1 - x0);
                return Math.Exp(Math.Log(levels[i]) + t * (Math.Log(levels[i - 1]) - Math.Log(levels[i])));
            }
        }
        return levels[0];
    }
}
