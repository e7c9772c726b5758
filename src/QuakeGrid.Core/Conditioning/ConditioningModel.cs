using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Correlation.CrossImt;
using QuakeGrid.Core.Imts;

namespace QuakeGrid.Core.Conditioning;

/// <summary>
/// The correlation structure used to condition on stations (Engler et al. 2022, Appendix B):
/// a spatial kernel per IMT for the standardised within-event residuals, and the cross-IMT correlations of the
/// within-event (Baker &amp; Jayaram 2008) and between-event (Goda &amp; Atkinson 2009) residuals.
/// For two different IMTs at two sites the within-event correlation is, as in OpenQuake's
/// <c>conditioned_gmfs</c>, <c>max(rho_T1(h), rho_T2(h)) · rho_within(T1, T2)</c> (a Markov-type assumption).
/// </summary>
public sealed class ConditioningModel
{
    private readonly Func<Imt, ISpatialCorrelation> _spatial;
    private readonly Dictionary<Imt, ISpatialCorrelation> _cache = new();

    /// <param name="spatialFor">Within-event spatial kernel for an IMT (e.g. JB2009 at that period).</param>
    /// <param name="crossWithin">Within-event cross-IMT correlation (Baker &amp; Jayaram 2008). Only used for mixed IMTs.</param>
    /// <param name="crossBetween">Between-event cross-IMT correlation (Goda &amp; Atkinson 2009). Only used for mixed IMTs.</param>
    public ConditioningModel(Func<Imt, ISpatialCorrelation> spatialFor, CrossImtCorrelation crossWithin, CrossImtCorrelation crossBetween)
    {
        _spatial = spatialFor ?? throw new ArgumentNullException(nameof(spatialFor));
        CrossWithin = crossWithin ?? throw new ArgumentNullException(nameof(crossWithin));
        CrossBetween = crossBetween ?? throw new ArgumentNullException(nameof(crossBetween));
    }

    /// <summary>
    /// The defaults of OpenQuake and ShakeMap for conditioning: the kernel <paramref name="spatialSpec"/> built per IMT by
    /// <see cref="CorrelationFactory.Parse"/> (e.g. <c>JB2009</c> or <c>JB2009:vs30-clustering</c>), Baker &amp; Jayaram (2008)
    /// within-event and Goda &amp; Atkinson (2009) between-event cross-IMT correlation.
    /// </summary>
    public static ConditioningModel FromSpec(string spatialSpec)
    {
        CorrelationFactory.Parse(spatialSpec, Imts.Imt.Pga); // fail early on a bad specification
        ICrossImtCorrelation within = new BakerJayaram2008();
        ICrossImtCorrelation between = new GodaAtkinson2009();
        return new ConditioningModel(imt => CorrelationFactory.Parse(spatialSpec, imt), within.Rho, between.Rho);
    }

    /// <summary>A model with one IMT-independent kernel; the cross-IMT functions must still be given for mixed IMTs.</summary>
    public static ConditioningModel SingleKernel(ISpatialCorrelation kernel, CrossImtCorrelation crossWithin, CrossImtCorrelation crossBetween)
        => new(_ => kernel, crossWithin, crossBetween);

    public CrossImtCorrelation CrossWithin { get; }
    public CrossImtCorrelation CrossBetween { get; }

    /// <summary>The spatial kernel for <paramref name="imt"/> (created once per IMT and cached).</summary>
    public ISpatialCorrelation Spatial(Imt imt)
    {
        lock (_cache)
        {
            if (!_cache.TryGetValue(imt, out var k))
            {
                k = _spatial(imt) ?? throw new InvalidOperationException($"no spatial correlation kernel for {imt}");
                _cache[imt] = k;
            }
            return k;
        }
    }

    /// <summary>
    /// Within-event correlation between IMT <paramref name="ia"/> at site <paramref name="i"/> of <paramref name="a"/>
    /// and IMT <paramref name="ib"/> at site <paramref name="j"/> of <paramref name="b"/>.
    /// </summary>
    public double WithinRho(Imt ia, CorrelationSites a, int i, Imt ib, CorrelationSites b, int j)
    {
        if (ia == ib) return Spatial(ia).Rho(a, i, b, j);
        var r1 = Spatial(ia).Rho(a, i, b, j);
        var r2 = Spatial(ib).Rho(a, i, b, j);
        return Math.Max(r1, r2) * CrossWithin(ia, ib);
    }
}
