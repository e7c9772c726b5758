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
    public double Draw(ulong key, long site)
    {
        var x = CounterNormal.Start(key, site);
        if (_n == 0) return 0.0;
        while (true)
        {
            var z = CounterNormal.Next(ref x);
            if (z <= _n && (!_twoSided || z >= -_n)) return z;
        }
    }
}
