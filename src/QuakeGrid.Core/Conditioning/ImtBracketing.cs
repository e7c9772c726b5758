using QuakeGrid.Core.Imts;

namespace QuakeGrid.Core.Conditioning;

/// <summary>
/// Chooses the observed IMTs that condition a target IMT, as ShakeMap 4.1 and OpenQuake do: the target itself when
/// it was observed ("native" data); otherwise the observed IMTs whose periods bracket the target period (PGA counts as
/// period 0), or the nearest one when the target lies outside the observed range. PGV is used only natively.
/// </summary>
public static class ImtBracketing
{
    /// <summary>Conditioning IMTs (1 or 2) for <paramref name="target"/> given the IMTs that have observations.</summary>
    /// <exception cref="InvalidOperationException">No observed IMT can condition the target.</exception>
    public static IReadOnlyList<Imt> ConditioningImts(Imt target, IEnumerable<Imt> observed)
    {
        var obs = observed.Distinct().ToList();
        if (obs.Contains(target)) return new[] { target };
        if (target.Kind == ImtKind.Pgv)
            throw new InvalidOperationException("PGV can only be conditioned on PGV observations (no cross-IMT model with PGV)");
        var usable = obs.Where(i => i.Kind != ImtKind.Pgv).OrderBy(PeriodOf).ToList();
        if (usable.Count == 0)
            throw new InvalidOperationException($"no observed PGA or SA can condition {target}");
        var t = PeriodOf(target);
        var lower = usable.LastOrDefault(i => PeriodOf(i) < t);
        var upper = usable.FirstOrDefault(i => PeriodOf(i) > t);
        var hasLower = usable.Any(i => PeriodOf(i) < t);
        var hasUpper = usable.Any(i => PeriodOf(i) > t);
        if (hasLower && hasUpper) return new[] { lower, upper };
        return hasLower ? new[] { lower } : new[] { upper };
    }

    /// <summary>Period used for ordering, s: 0 for PGA.</summary>
    public static double PeriodOf(Imt imt) => imt.Kind == ImtKind.Sa ? imt.Period : 0.0;
}
