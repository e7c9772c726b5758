using QuakeGrid.Core.Conditioning;
using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.Gp.Vecchia;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.Random;
using QuakeGrid.Core.Sites;

namespace QuakeGrid.Cli.Fields;

/// <summary>
/// Unconditional ground-motion fields for one rupture and one IMT (algorithms.md §2; Jayaram &amp; Baker 2009):
/// <c>ln Y_ie = mu_i + tau_i·eta_e + phi_i·eps_ie</c>, with eta_e ~ N(0, 1) the between-event residual of event e and
/// eps_·e a zero-mean, unit-variance Gaussian field with the spatial correlation kernel.
/// Event e draws eta from the stream <c>(seed, e, "gmf-between:IMT")</c> and eps from <c>(seed, e, "gmf-within:IMT")</c>
/// (<see cref="SeedDerivation"/>), so each event's field is the same whatever the number of events, the batch or the thread count.
/// The eps fields come from Core's <see cref="DenseFieldSampler"/> (exact) or <see cref="VecchiaFieldSampler"/>.
/// </summary>
public static class GmfGenerator
{
    /// <summary>Largest site count for the exact (dense) method: the correlation matrix takes 8·N² bytes (200 MB at 5,000).</summary>
    public const int MaxExactSites = 5_000;

    /// <summary>Largest number of values (sites × events) held in memory (8 bytes each: 4 GB).</summary>
    public const long MaxValues = 500_000_000;

    /// <summary>Seed of the between-event draw of event <paramref name="eventId"/>.</summary>
    public static ulong BetweenSeed(ulong seed, long eventId, Imt imt) => SeedDerivation.Derive(seed, eventId, "gmf-between:" + imt);

    /// <summary>Seed of the within-event field of event <paramref name="eventId"/>.</summary>
    public static ulong WithinSeed(ulong seed, long eventId, Imt imt) => SeedDerivation.Derive(seed, eventId, "gmf-within:" + imt);

    /// <summary>
    /// The within-event fields eps for events 0..E−1, site-major (site i, event e at i·E + e).
    /// <paramref name="correlationSites"/> carry planar coordinates and, for EA/EAS, the epicentral distance and azimuth;
    /// <paramref name="vecchia"/> (used by the Vecchia method) is usually <see cref="VecchiaKernelRule.DefaultFor"/>.
    /// </summary>
    public static double[] Within(CorrelationSites correlationSites, ISpatialCorrelation kernel, Imt imt, GmfMethod method,
        VecchiaOptions vecchia, int events, ulong seed, int maxParallelism = -1)
    {
        var seeds = new ulong[events];
        for (var e = 0; e < events; e++) seeds[e] = WithinSeed(seed, e, imt);
        IFieldSampler sampler = method == GmfMethod.Exact
            ? new DenseFieldSampler(maxParallelism: maxParallelism)
            : new VecchiaFieldSampler(vecchia, maxParallelism: maxParallelism);
        return sampler.Sample(correlationSites, kernel, seeds);
    }

    /// <summary>Turns within-event fields (site-major n×E) into ln IM in place: mu + tau·eta_e + phi·eps.</summary>
    public static void ToTotal(double[] fields, int events, GmmResult gmm, int imtIndex, Imt imt, ulong seed)
    {
        var eta = new double[events];
        for (var e = 0; e < events; e++) eta[e] = new Xoshiro256StarStar(BetweenSeed(seed, e, imt)).NextStandardNormal();
        var mu = gmm.LnMedian[imtIndex];
        var tau = gmm.Tau[imtIndex];
        var phi = gmm.Phi[imtIndex];
        for (var i = 0; i < mu.Length; i++)
        {
            var row = fields.AsSpan(i * events, events);
            var (m, t, p) = (mu[i], tau[i], phi[i]);
            for (var e = 0; e < events; e++) row[e] = m + t * eta[e] + p * row[e];
        }
    }

    /// <summary>Correlation sites (shared planar projection, epicentre for EA/EAS) of <paramref name="sites"/>.</summary>
    public static CorrelationSites CorrelationSitesFor(SiteCollection sites, Core.Geometry.GeoPoint epicentre) =>
        CorrelationSiteBuilder.FromSites(sites, null, epicentre);
}
