using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Gp.Vecchia;
using QuakeGrid.Core.Hazard.EventBased;
using QuakeGrid.Core.IO.Job;
using QuakeGrid.Core.Random;
using QuakeGrid.Core.Sites;
using Xunit.Abstractions;

using static QuakeGrid.Core.Tests.Hazard.PosteriorTestHelpers;

namespace QuakeGrid.Core.Tests.Hazard;

/// <summary>
/// Event-based hazard with a Bodenmann et al. (2023) model EA/EAS posterior, whose kernel depends on the rupture's
/// epicentre: an event's field equals, bit for bit, the Vecchia sweep of a whole-site factor of its draw's kernel built
/// with its rupture's hypocentre as epicentre; on a few sites (exact Vecchia) the empirical correlation of two pairs at the
/// same distance, one on a ray from the epicentre and one across it, and of a pair on different Vs30, follows the
/// paper's equations evaluated here; counts are bit-identical for any tiling, batching and sweep width and differ from a
/// model E posterior with the same l_E, gamma_E.
/// </summary>
public sealed class EpicentrePosteriorEventBasedTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("quakegrid-eas-posterior-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string EasFile => Path.Combine(AppContext.BaseDirectory, "data", "posterior", "eas_sa1.0.csv");

    private string Posterior(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void AnEasPosteriorOnVaryingVs30IsAWarningAndOnUniformVs30IsNot()
    {
        var varying = PosteriorGridJob(EasFile + ":2", 3, 3, 10); // Vs30 300–620 m/s
        var warnings = CorrelationModelSetting.PosteriorWarnings(varying, varying.CorrelationPosterior!).ToList();
        Assert.Contains(warnings, w => w.Contains("EAS posterior on sites of varying Vs30 (300–620 m/s)", StringComparison.Ordinal));
        var uniform = varying with { Sites = new SiteCollection(varying.Sites.Lon, varying.Sites.Lat, Enumerable.Repeat(760.0, 9).ToArray()) };
        Assert.DoesNotContain(CorrelationModelSetting.PosteriorWarnings(uniform, uniform.CorrelationPosterior!), w => w.Contains("Vs30", StringComparison.Ordinal));
        // The command-line override replaces the warnings of the job's previous model, it does not repeat them.
        var over = CorrelationModelSetting.Override(varying with { Warnings = warnings }, "posterior:" + EasFile + ":2");
        Assert.Single(over.Warnings, w => w.Contains("varying Vs30", StringComparison.Ordinal));
    }

    [Fact]
    public void AnEventsFieldIsTheVecchiaFieldOfItsDrawsKernelAboutItsRupturesEpicentre()
    {
        var job = PosteriorGridJob(EasFile + ":8", 10, 10, 2000);
        var plan = EventBasedPlan.Prepare(job);
        var pp = plan.PosteriorPlan!;
        Assert.True(pp.EpicentreDependent);
        Assert.Equal(BodenmannVariant.EAS, plan.Posterior!.Variant);
        int[] tileSites = [3, 4, 5, 13, 14, 15, 23, 24, 25, 77];
        var tile = EventBasedTile.Create(plan, tileSites);
        var local = Enumerable.Range(0, tileSites.Length).ToArray();
        const int events = 40;
        var seeds = Enumerable.Range(0, events).Select(i => SeedDerivation.Derive(3, i, "test-event")).ToArray();
        var draws = seeds.Select(s => Xoshiro256StarStar.ForStream(s, 0, "posterior-draw").NextInt(8)).ToArray();
        Assert.True(draws.Distinct().Count() >= 5);
        foreach (var rupture in new[] { 0, plan.RuptureCount - 1 })
        {
            var hypo = plan.Occurring.Ruptures[rupture].Rupture.Hypocenter;
            var epi = CorrelationSiteBuilder.FromSites(job.Sites, null, hypo);
            for (var imt = 0; imt < 2; imt++)
            {
                var fields = new double[tileSites.Length * events];
                tile.WithinEventFields(imt, rupture, seeds, local, fields);
                foreach (var d in draws.Distinct())
                {
                    // Whole-site factor of the draw's EAS kernel with this epicentre (law-of-cosines d_E, as gmf builds it).
                    var kernel = new BodenmannCorrelation(BodenmannVariant.EAS, plan.Posterior.Kernel(d).Parameters);
                    var factor = VecchiaFactor.Compute(pp.Structure, epi, kernel);
                    var subset = VecchiaSubset.Create([factor], tileSites);
                    var lanes = Enumerable.Range(0, events).Where(e => draws[e] == d).ToArray();
                    var keys = lanes.Select(e => SeedDerivation.Derive(seeds[e], imt, "within")).ToArray();
                    var width = (keys.Length + 3) / 4 * 4;
                    var y = new double[subset.Count * width];
                    subset.Sweep(0, Enumerable.Range(0, subset.Count).ToArray(), keys, width, y);
                    for (var i = 0; i < tileSites.Length; i++)
                    {
                        var row = Array.IndexOf(subset.Sites, tileSites[i]);
                        for (var q = 0; q < lanes.Length; q++)
                            Assert.Equal(BitConverter.DoubleToInt64Bits(y[row * width + q]), BitConverter.DoubleToInt64Bits(fields[i * events + lanes[q]]));
                    }
                }
            }
        }
        // The rows depend on the epicentre: two ruptures give different fields for the same event seeds.
        var a = new double[tileSites.Length * events];
        var b = new double[tileSites.Length * events];
        tile.WithinEventFields(0, 0, seeds, local, a);
        tile.WithinEventFields(0, plan.RuptureCount - 1, seeds, local, b);
        Assert.NotEqual(a, b);
    }

    // Independent geometry (spherical Earth, R = 6371 km) for the Monte Carlo test.
    private const double R = 6371.0;

    private static (double Lon, double Lat) Destination(double lon, double lat, double azimuthDeg, double km)
    {
        double p1 = lat * Math.PI / 180, l1 = lon * Math.PI / 180, t = azimuthDeg * Math.PI / 180, d = km / R;
        var p2 = Math.Asin(Math.Sin(p1) * Math.Cos(d) + Math.Cos(p1) * Math.Sin(d) * Math.Cos(t));
        var l2 = l1 + Math.Atan2(Math.Sin(t) * Math.Sin(d) * Math.Cos(p1), Math.Cos(d) - Math.Sin(p1) * Math.Sin(p2));
        return (l2 * 180 / Math.PI, p2 * 180 / Math.PI);
    }

    /// <summary>Bodenmann et al. (2023) eqs. for EAS: d_E by the law of cosines, d_A the angle, rho = rho_E (w rho_A + (1 − w) rho_S).</summary>
    private static double PaperEas(BodenmannParameters p, (double R, double Az, double Vs) a, (double R, double Az, double Vs) b)
    {
        var dTheta = (a.Az - b.Az) * Math.PI / 180;
        var dE = Math.Sqrt(a.R * a.R + b.R * b.R - 2 * a.R * b.R * Math.Cos(dTheta));
        var dA = Math.Abs(a.Az - b.Az);
        if (dA > 180) dA = 360 - dA;
        var rhoE = Math.Exp(-Math.Pow(dE / p.LE, p.GammaE));
        var rhoA = (1 + dA / p.LA) * Math.Pow(1 - dA / 180, 180 / p.LA);
        var rhoS = Math.Exp(-Math.Abs(a.Vs - b.Vs) / p.LS);
        return rhoE * (p.W * rhoA + (1 - p.W) * rhoS);
    }

    [Fact]
    public void CorrelationFollowsTheAzimuthAndVs30TermsAboutTheEpicentre()
    {
        // Two very different draws; six sites (n ≤ m + 1: the Vecchia factor is exact).
        var path = Posterior("two.csv", "LE,gammaE,LA,LS,w\n16.4,0.36,24.9,171.2,0.84\n40,1,10,100,0.5\n");
        var baseJob = PosteriorGridJob(path, 2, 1, 1000);
        var probe = EventBasedPlan.Prepare(baseJob);
        var hypo = probe.Occurring.Ruptures[0].Rupture.Hypocenter;
        // Pair A on a ray (azimuth 90°, r = 20 and 30 km: d_E = 10 km, d_A = 0); pair B across (r = 7.0711 km at
        // 45° and 135°: d_E = 10 km, d_A = 90°); pair C on a ray (270°, r = 20 and 30 km) with Vs30 300 and 700 m/s.
        (double R, double Az, double Vs)[] polar =
            [(20, 90, 400), (30, 90, 400), (Math.Sqrt(50), 45, 400), (Math.Sqrt(50), 135, 400), (20, 270, 300), (30, 270, 700)];
        var pts = polar.Select(s => Destination(hypo.Lon, hypo.Lat, s.Az, s.R)).ToArray();
        var job = baseJob with
        {
            Sites = new SiteCollection(pts.Select(p => p.Lon).ToArray(), pts.Select(p => p.Lat).ToArray(), polar.Select(s => s.Vs).ToArray()),
            SiteDepths = new double[polar.Length],
        };
        var plan = EventBasedPlan.Prepare(job);
        var rupture = Enumerable.Range(0, plan.RuptureCount).First(r => plan.Occurring.Ruptures[r].Rupture.Hypocenter == hypo);
        var tile = EventBasedTile.Create(plan, Enumerable.Range(0, polar.Length).ToArray());
        const int events = 6000;
        var seeds = Enumerable.Range(0, events).Select(i => SeedDerivation.Derive(17, i, "test-event")).ToArray();
        var fields = new double[polar.Length * events];
        var local = Enumerable.Range(0, polar.Length).ToArray();
        tile.WithinEventFields(0, rupture, seeds, local, fields);
        var draws = seeds.Select(s => Xoshiro256StarStar.ForStream(s, 0, "posterior-draw").NextInt(2)).ToArray();
        for (var draw = 0; draw < 2; draw++)
        {
            var p = plan.Posterior!.Kernel(draw).Parameters;
            var idx = Enumerable.Range(0, events).Where(e => draws[e] == draw).ToArray();
            double Rho(int i, int j) => PearsonCorrelation(idx.Select(e => fields[i * events + e]).ToArray(), idx.Select(e => fields[j * events + e]).ToArray());
            var tolerance = 4.0 / Math.Sqrt(idx.Length);
            var model = new double[3];
            var empirical = new double[3];
            for (var pair = 0; pair < 3; pair++)
            {
                model[pair] = PaperEas(p, polar[2 * pair], polar[2 * pair + 1]);
                empirical[pair] = Rho(2 * pair, 2 * pair + 1);
                output.WriteLine($"draw {draw}, pair {"ABC"[pair]}: {idx.Length} events, empirical {empirical[pair]:F4}, paper {model[pair]:F4}");
                Assert.True(Math.Abs(empirical[pair] - model[pair]) < tolerance * (1 - model[pair] * model[pair]) + 0.01,
                    $"draw {draw} pair {"ABC"[pair]}: empirical {empirical[pair]:F4} vs {model[pair]:F4}");
            }
            // Same distance, different azimuth difference: the across pair is markedly less correlated, as the kernel says.
            Assert.True(model[0] - model[1] > 0.2);
            Assert.True(empirical[0] - empirical[1] > 0.2);
            for (var s = 0; s < polar.Length; s++) Assert.InRange(idx.Average(e => fields[s * events + e] * fields[s * events + e]), 0.9, 1.1);
        }
    }

    [Fact]
    public void CountsAreBitIdenticalForAnyTilingBatchingAndSweepWidth()
    {
        var job = PosteriorGridJob(EasFile + ":6", 10, 10, 12_000);
        var plan = EventBasedPlan.Prepare(job, options: new EventBasedOptions { EventsPerSweep = 16 });
        Assert.True(plan.Correlated);
        Assert.True(plan.RuptureCount > 10, $"{plan.RuptureCount} occurring ruptures");
        var all = Enumerable.Range(0, plan.SiteCount).ToArray();
        var whole = Tiled(plan, [all], [0, plan.RuptureCount]);
        Assert.True(whole.SelectMany(b => b).SelectMany(k => k).Sum() > 0);
        var quarters = Enumerable.Range(0, 4).Select(q => all.Where(s => (s % 10 < 5 ? 0 : 1) + (s / 10 < 5 ? 0 : 2) == q).ToArray()).ToArray();
        var third = plan.RuptureCount / 3;
        Assert.Equal(whole, Tiled(plan, quarters, [0, third, 2 * third, plan.RuptureCount]));

        // Another sweep width (events of one rupture split differently across sweeps) and an odd tiling.
        var wide = EventBasedPlan.Prepare(job, options: new EventBasedOptions { EventsPerSweep = 5 });
        var stripes = Enumerable.Range(0, 3).Select(q => all.Where(s => s % 3 == q).ToArray()).ToArray();
        Assert.Equal(whole, Tiled(wide, stripes, [0, 1, plan.RuptureCount / 2, plan.RuptureCount]));

        // A model E posterior with the same l_E, gamma_E draws gives other counts: the azimuth and Vs30 terms are used.
        var eRows = File.ReadLines(EasFile).Skip(1).Select(l => string.Join(',', l.Split(',').Take(2)));
        var ePath = Posterior("e.csv", "LE,gammaE\n" + string.Join('\n', eRows) + "\n");
        var eJob = PosteriorGridJob(ePath + ":6", 10, 10, 12_000);
        var ePlan = EventBasedPlan.Prepare(eJob, options: new EventBasedOptions { EventsPerSweep = 16 });
        Assert.False(ePlan.PosteriorPlan!.EpicentreDependent);
        Assert.NotEqual(whole, Tiled(ePlan, [all], [0, ePlan.RuptureCount]));
        output.WriteLine($"{plan.RuptureCount} ruptures, {plan.EventCount} events");
    }

    /// <summary>
    /// <see cref="VecchiaSubset.SweepLanes"/> with rows computed by <see cref="VecchiaFactor.ComputeRows"/> on a subset
    /// without factors writes only its lanes, and each of them equals bit for bit <see cref="VecchiaSubset.Sweep"/> of a
    /// subset of the whole-site factor.
    /// </summary>
    [Fact]
    public void SweepLanesWritesOnlyItsLanesAndEqualsTheSingleFactorSweep()
    {
        var job = PosteriorGridJob(EasFile + ":4", 9, 8, 500);
        var plan = EventBasedPlan.Prepare(job);
        var pp = plan.PosteriorPlan!;
        var epi = CorrelationSiteBuilder.FromSites(job.Sites, null, new QuakeGrid.Core.Geometry.GeoPoint(-122.05, 38.0));
        var kernel = new BodenmannCorrelation(BodenmannVariant.EAS, plan.Posterior!.Kernel(2).Parameters);
        int[] tileSites = [0, 10, 20, 30, 40, 41, 42, 71];
        var bare = VecchiaSubset.ForStructure(pp.Structure, tileSites);
        Assert.Equal(0, bare.FactorCount);
        var whole = VecchiaSubset.Create([VecchiaFactor.Compute(pp.Structure, epi, kernel)], tileSites);
        Assert.Equal(whole.Sites, bare.Sites);
        var rows = Enumerable.Range(0, bare.Count).ToArray();
        var w = new double[rows.Length * bare.Neighbours];
        var sd = new double[rows.Length];
        VecchiaFactor.ComputeRows(pp.Structure, epi, kernel, bare.Positions, w, sd);
        const int width = 8;
        var keys = Enumerable.Range(0, width).Select(i => SeedDerivation.Derive(11, i, "k")).ToArray();
        var y = Enumerable.Repeat(-7.0, bare.Count * width).ToArray();
        int[] lanes = [1, 3, 6];
        bare.SweepLanes(rows, w, sd, lanes, keys, width, y);
        var reference = new double[whole.Count * width];
        whole.Sweep(0, rows, keys, width, reference);
        for (var r = 0; r < bare.Count; r++)
            for (var q = 0; q < width; q++)
                if (lanes.Contains(q)) Assert.Equal(BitConverter.DoubleToInt64Bits(reference[r * width + q]), BitConverter.DoubleToInt64Bits(y[r * width + q]));
                else Assert.Equal(-7.0, y[r * width + q]);
    }

    [Fact]
    public void AnEaPosteriorIsAcceptedAndUsesTheAzimuthTerm()
    {
        var path = Posterior("ea.csv", "LE,gammaE,LA\n13.1,0.35,27.3\n20,0.4,15\n");
        var job = PosteriorGridJob(path, 6, 6, 4000);
        Assert.Equal(BodenmannVariant.EA, job.CorrelationPosterior!.Variant);
        var plan = EventBasedPlan.Prepare(job);
        Assert.True(plan.PosteriorPlan!.EpicentreDependent);
        var all = Enumerable.Range(0, plan.SiteCount).ToArray();
        var tile = EventBasedTile.Create(plan, all);
        var whole = tile.Simulate(0, plan.RuptureCount);
        var (factors, rows, _) = tile.EpicentreFactorStats;
        Assert.True(factors >= plan.RuptureCount && rows > 0, $"{factors} factors, {rows} rows");
        var halves = Tiled(plan, [all.Where(s => s < 18).ToArray(), all.Where(s => s >= 18).ToArray()], [0, plan.RuptureCount / 2, plan.RuptureCount]);
        for (var k = 0; k < plan.Imtls.Count; k++) Assert.Equal(whole.Counts[0][k], halves[0][k]);
    }
}

/// <summary>
/// Accuracy of the hazard job's Vecchia structure (<see cref="VecchiaOrdering.LevelCell"/> order, the m = 30 nearest
/// earlier sites in the plane, shared by every draw and epicentre) for the Bodenmann kernels about one epicentre, on
/// 1,250 of the real Hayward sites (every second site of data/gp/hayward_sites_2500.csv): worst pairwise correlation
/// error of the implied covariance against the dense kernel, over all pairs. Model E and EA, and EAS on a uniform Vs30,
/// are served well by nearby sites; EAS on real, patchy Vs30 is not (sites far apart on the same Vs30 stay correlated,
/// which nearest neighbours in the plane do not capture, see src/QuakeGrid.Core/Gp/README.md): the figures bound what the
/// per-event factors of event-based hazard reproduce.
/// </summary>
public sealed class EpicentrePosteriorVecchiaAccuracyTests(ITestOutputHelper output)
{
    [Fact]
    public void NearestRuleAccuracyAboutOneEpicentre()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "data/gp/hayward_sites_2500.csv")).Skip(1)
            .Where((_, i) => i % 2 == 0).Select(l => l.Split(',')).ToArray();
        double Col(string[] c, int k) => double.Parse(c[k], System.Globalization.CultureInfo.InvariantCulture);
        var lat = lines.Select(c => Col(c, 0)).ToArray();
        var lon = lines.Select(c => Col(c, 1)).ToArray();
        var vs = lines.Select(c => Col(c, 2)).ToArray();
        var epicentre = new QuakeGrid.Core.Geometry.GeoPoint(-122.2128, 37.8273);
        var real = CorrelationSiteBuilder.FromSites(new SiteCollection(lon, lat, vs), null, epicentre);
        var uniform = CorrelationSiteBuilder.FromSites(new SiteCollection(lon, lat, vs.Select(_ => 760.0).ToArray()), null, epicentre);
        var structure = VecchiaStructure.Build(real.X, real.Y, new VecchiaOptions(Ordering: VecchiaOrdering.LevelCell));
        Assert.Equal(30, structure.Options.Neighbours);
        var imt = QuakeGrid.Core.Imts.Imt.Sa(1.0);
        Assert.True(BodenmannParameters.TryPosteriorMean(BodenmannVariant.E, imt, out var pE));
        Assert.True(BodenmannParameters.TryPosteriorMean(BodenmannVariant.EA, imt, out var pEA));
        Assert.True(BodenmannParameters.TryPosteriorMean(BodenmannVariant.EAS, imt, out var pEAS));
        var cases = new (string Name, CorrelationSites Sites, ISpatialCorrelation Kernel)[]
        {
            ("E (geodesic d_E)", real, new BodenmannCorrelation(BodenmannVariant.E, pE, BodenmannDistance.Geodesic)),
            ("EA", real, new BodenmannCorrelation(BodenmannVariant.EA, pEA)),
            ("EAS, uniform Vs30", uniform, new BodenmannCorrelation(BodenmannVariant.EAS, pEAS)),
            ("EAS, real Vs30", real, new BodenmannCorrelation(BodenmannVariant.EAS, pEAS)),
        };
        var worst = new double[cases.Length];
        for (var c = 0; c < cases.Length; c++)
        {
            var (name, sites, kernel) = cases[c];
            var f = VecchiaFactor.Compute(structure, sites, kernel);
            var exact = VecchiaAccuracy.ExactInSweepOrder(structure, sites, kernel);
            var r = VecchiaAccuracy.Evaluate(f, exact, VecchiaAccuracy.ExactConditionalVariances(exact, sites.Count));
            worst[c] = r.WorstCorrelationError;
            output.WriteLine($"{name}: worst corr error {r.WorstCorrelationError:F4}, mean abs cov error {r.MeanAbsoluteCovarianceError:E2}, KL {r.KlDivergence:F3}");
        }
        // Measured 2026-11-23: 0.056, 0.091, 0.082 and 0.358.
        Assert.InRange(worst[0], 0.0, 0.07);
        Assert.InRange(worst[1], 0.0, 0.12);
        Assert.InRange(worst[2], 0.0, 0.12);
        Assert.True(worst[3] > 0.2, $"EAS on real Vs30: {worst[3]:F4}");
    }
}
