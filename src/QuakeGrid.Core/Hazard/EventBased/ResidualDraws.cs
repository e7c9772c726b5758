using System.Runtime.CompilerServices;
using QuakeGrid.Core.Gp.Vecchia;
using QuakeGrid.Core.IO.Job;

namespace QuakeGrid.Core.Hazard.EventBased;

/// <summary>
/// Independent within-event residuals keyed by (event key, global site index) — so a site's draw does not depend on the
/// tile — truncated like the job's exceedance model by rejection within the (key, site) stream of <see cref="CounterNormal"/>.
/// </summary>
internal readonly struct ResidualDraws(double? truncationLevel, TruncationTail tail)
{
    private readonly double _n = truncationLevel ?? double.PositiveInfinity;
    private readonly bool _twoSided = tail == TruncationTail.TwoSided;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Draw(ulong key, long site) => DrawHashed(key, CounterNormal.SiteHash(site));

    /// <summary>As <see cref="Draw"/> with the site's <see cref="CounterNormal.SiteHash"/> precomputed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double DrawHashed(ulong key, ulong siteHash)
    {
        if (_n == 0) return 0.0;
        var x = CounterNormal.Start(key, siteHash);
        var z = CounterNormal.FromBits(x, ref x);
        while (!(z <= _n && (!_twoSided || z >= -_n))) z = CounterNormal.Next(ref x);
        return z;
    }
}
