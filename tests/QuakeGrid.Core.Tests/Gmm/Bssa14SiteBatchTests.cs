using System.Runtime.Intrinsics;
using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.Tests.Gmm;

/// <summary>
/// <see cref="Bssa14SiteBatch"/> (the hazard evaluator of BSSA14) gives exactly the bits of
/// <see cref="BooreEtAl2014.Compute"/> for every record, at 8 and at 4 lanes, over magnitudes across Mh and the
/// 4.5/5.5 breaks, Rjb across R1/R2, Vs30 across V1/V2/Vc/Vref (varied sites, mostly reference rock, and all reference
/// rock, where the kernels skip loading the site kinds), every mechanism and all attenuation regions.
/// </summary>
public sealed class Bssa14SiteBatchTests
{
    private static readonly Imt[][] ImtLists =
    [
        [Imt.Pga, Imt.Sa(0.3), Imt.Sa(1.0)],
        [Imt.Sa(0.3), Imt.Pgv, Imt.Sa(3.0), Imt.Sa(0.01)],
        [Imt.Sa(10.0), Imt.Pga, Imt.Sa(0.2), Imt.Sa(0.75)],
    ];

    /// <summary>Site sets: 0 varied, 1 mostly reference rock, 2 all reference rock.</summary>
    private static double[] SiteVs30(int siteSet)
    {
        if (siteSet == 2) return [.. Enumerable.Repeat(760.0, 37)];
        // Mostly reference rock (Vs30 = Vref): many 4- and 8-lane blocks are rock only (per-site terms not loaded), others mixed.
        if (siteSet == 1) return [.. Enumerable.Repeat(760.0, 40), 300, 800, 1500, 200, 760.0001, 759.9999, 1000, 400];
        var v = new List<double> { 150, 200, 224.99999, 225, 225.00001, 250, 299.9999, 300, 300.0001, 360, 400, 759.9999, 760, 760.0001, 800, 1000, 1500 };
        foreach (var vc in new[] { 1500.0, 1502.95, 1501.42, 1392.61, 1356.21, 1300.0, 1100.0, 1000.0 }) { v.Add(vc); v.Add(vc + 1e-9); v.Add(vc - 1e-9); }
        var rng = new System.Random(7);
        while (v.Count < 67) v.Add(150 + 1350 * rng.NextDouble());
        for (var i = 0; i < 10; i++) v.Add(760); // rock sites: the nonlinear term may be skipped
        return v.ToArray();
    }

    private static IEnumerable<(double Mag, double Rake)> Ruptures()
    {
        double[] mags = [3.0, 4.0, 4.5, 4.5000001, 5.0, 5.5, 5.5000001, 5.74, 6.2, 6.2000001, 6.75, 7.0, 8.5];
        double[] rakes = [-180, -150.0000001, -150, -120, -90, -30, -29.9999, 0, 30, 30.0000001, 90, 149.9999, 150, 180];
        var rng = new System.Random(11);
        for (var i = 0; i < mags.Length; i++) yield return (mags[i], rakes[i % rakes.Length]);
        for (var i = 0; i < rakes.Length; i++) yield return (3 + 5.5 * rng.NextDouble(), rakes[i]);
        for (var i = 0; i < 20; i++) yield return (3 + 5.5 * rng.NextDouble(), -180 + 360 * rng.NextDouble());
    }

    private static double[] Distances(System.Random rng, int n)
    {
        double[] edges = [0, 1e-9, 0.5, 1, 10, 65, 105, 110, 111.67, 113.1, 200, 225, 270, 272, 272.0001, 300, 400, 5000, 20015];
        var d = new double[n];
        for (var i = 0; i < n; i++) d[i] = i < edges.Length ? edges[i] : 300 * rng.NextDouble();
        return d;
    }

    public static TheoryData<int, bool, AttenuationRegion, int> Cases()
    {
        var data = new TheoryData<int, bool, AttenuationRegion, int>();
        for (var l = 0; l < ImtLists.Length; l++)
            foreach (var sof in new[] { true, false })
                foreach (var region in Enum.GetValues<AttenuationRegion>())
                    foreach (var siteSet in new[] { 0, 1, 2 }) data.Add(l, sof, region, siteSet);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void BatchGivesTheBitsOfCompute(int list, bool sof, AttenuationRegion region, int siteSet)
    {
        var imts = ImtLists[list];
        var gmm = new BooreEtAl2014(new GmmOptions(Attenuation: region, StyleOfFaulting: sof));
        var vs30 = SiteVs30(siteSet);
        var widths = Vector512.IsHardwareAccelerated ? new[] { true, false } : new[] { false };
        var batches = widths.Select(w => gmm.CreateSiteBatch(imts, vs30, w)!).ToArray();
        Assert.All(batches, b => Assert.NotNull(b));
        var rng = new System.Random(list * 100 + (sof ? 1 : 0) * 10 + (int)region + siteSet * 1000);
        var nk = imts.Length;
        var checkedRecords = 0;
        foreach (var (mag, rake) in Ruptures())
        {
            // A ragged subset of the sites in random order (tails of every length), with distances across R1/R2.
            var m = 1 + rng.Next(vs30.Length + 20);
            var sites = new int[m];
            for (var j = 0; j < m; j++) sites[j] = rng.Next(vs30.Length);
            var rjb = Distances(rng, m);
            var rrup = rjb.Select(x => x + 1).ToArray();

            // Reference: the generic path, one call per IMT.
            var ctxMag = Enumerable.Repeat(mag, m).ToArray();
            var ctxRake = Enumerable.Repeat(rake, m).ToArray();
            var ctxVs30 = sites.Select(s => vs30[s]).ToArray();
            var ctxZ1 = Enumerable.Repeat(double.NaN, m).ToArray();
            var refLn = new double[nk][]; var refTau = new double[nk][]; var refPhi = new double[nk][];
            for (var k = 0; k < nk; k++)
            {
                refLn[k] = new double[m]; refTau[k] = new double[m]; refPhi[k] = new double[m];
                gmm.Compute(new GmmContext(ctxMag, ctxRake, rjb, rrup, ctxVs30, ctxZ1), imts[k],
                    new GmmOutput(refLn[k], refTau[k], refPhi[k], new double[m]));
            }

            foreach (var batch in batches)
            {
                const int offset = 5;
                var ln = Alloc(nk, m + offset + 3); var phi = Alloc(nk, m + offset + 3);
                var tau = new double[nk]; // one τ per IMT for the rupture: Compute's τ of every record must have its bits
                batch.Evaluate(mag, rake, sites, rjb, rrup, ln, tau, phi, offset);
                for (var k = 0; k < nk; k++)
                for (var j = 0; j < m; j++)
                {
                    AssertBits(refLn[k][j], ln[k][offset + j], "ln", imts[k], mag, rake, rjb[j], vs30[sites[j]], batch.Wide);
                    AssertBits(refTau[k][j], tau[k], "tau", imts[k], mag, rake, rjb[j], vs30[sites[j]], batch.Wide);
                    AssertBits(refPhi[k][j], phi[k][offset + j], "phi", imts[k], mag, rake, rjb[j], vs30[sites[j]], batch.Wide);
                }
                for (var k = 0; k < nk; k++)
                {
                    Assert.Equal(-1.0, ln[k][offset - 1]); // nothing written outside [offset, offset + m)
                    Assert.Equal(-1.0, ln[k][offset + m]);
                }
                checkedRecords += m * nk;
            }
        }
        Assert.True(checkedRecords > 1000);
        // PGA, SA(0.3), SA(1.0) at Vs30 = 760: F_lin = −0, f2 = ±0, phi reduction +0, so rock-only blocks skip the site terms.
        if (siteSet > 0 && list == 0) Assert.All(batches, b => Assert.Equal(Bssa14SiteBatch.ReferenceRock, b.NonlinearSites[0]));
        if (siteSet < 2) Assert.All(batches, b => Assert.Equal(Bssa14SiteBatch.Nonlinear, b.NonlinearSites[Array.IndexOf(vs30, 300.0)]));
        Assert.All(batches, b => Assert.Equal(b.NonlinearSites.All(k => k == Bssa14SiteBatch.ReferenceRock), b.AllReferenceRock));
        if (siteSet == 2 && list == 0) Assert.All(batches, b => Assert.True(b.AllReferenceRock)); // the kernels' all-rock path ran
        if (siteSet < 2) Assert.All(batches, b => Assert.False(b.AllReferenceRock));
    }

    private static double[][] Alloc(int nk, int n)
    {
        var a = new double[nk][];
        for (var k = 0; k < nk; k++) { a[k] = new double[n]; Array.Fill(a[k], -1.0); }
        return a;
    }

    private static void AssertBits(double expected, double actual, string what, Imt imt, double mag, double rake, double rjb, double vs30, bool wide)
    {
        if (BitConverter.DoubleToInt64Bits(expected) != BitConverter.DoubleToInt64Bits(actual))
            Assert.Fail($"{what} of {imt} differs ({(wide ? 8 : 4)} lanes): M {mag:R}, rake {rake:R}, Rjb {rjb:R}, Vs30 {vs30:R}: {expected:R} vs {actual:R}");
    }

    [Fact]
    public void Vector512AndVector256LogExpGiveTheSameBits()
    {
        if (!Vector512.IsHardwareAccelerated) return; // the batch uses 8 lanes only where they are accelerated
        var rng = new System.Random(3);
        var x = new List<double> { 1e-300, 1e-10, 0.1, 0.5, 1, 1.0000000001, 2, Math.E, 10, 225, 300, 760, 1500, 1e10, 1e300, double.Epsilon };
        for (var i = 0; i < 200_000; i++) x.Add(Math.Exp(-30 + 60 * rng.NextDouble()));
        // Exp only within |x| <= 708: beyond, .NET evaluates the whole vector with scalar Math.Exp (VectorMath.ExpDouble),
        // so a lane then depends on its neighbours; the BSSA14 arguments stay far inside (see Bssa14SiteBatch).
        var y = new List<double> { -708, -700, -30, -1, -1e-10, 0, 1e-10, 0.5, 1, 10, 30, 700, 708 };
        for (var i = 0; i < 200_000; i++) y.Add(-50 + 60 * rng.NextDouble());
        AssertSame(x.ToArray(), Vector256.Log, Vector512.Log, "Log");
        AssertSame(y.ToArray(), Vector256.Exp, Vector512.Exp, "Exp");
    }

    private static void AssertSame(double[] v, Func<Vector256<double>, Vector256<double>> f4, Func<Vector512<double>, Vector512<double>> f8, string name)
    {
        var n = v.Length / 8 * 8;
        for (var i = 0; i < n; i += 8)
        {
            var a = f8(Vector512.Create(v.AsSpan(i, 8)));
            var lo = f4(Vector256.Create(v.AsSpan(i, 4)));
            var hi = f4(Vector256.Create(v.AsSpan(i + 4, 4)));
            for (var l = 0; l < 8; l++)
            {
                var b = l < 4 ? lo.GetElement(l) : hi.GetElement(l - 4);
                if (BitConverter.DoubleToInt64Bits(a.GetElement(l)) != BitConverter.DoubleToInt64Bits(b))
                    Assert.Fail($"{name}({v[i + l]:R}): Vector512 {a.GetElement(l):R}, Vector256 {b:R}");
            }
        }
    }

    [Fact]
    public void UnspecialisedConfigurationsStayOnTheGenericPath()
    {
        double[] vs30 = [400, 760];
        Assert.Null(new BooreEtAl2014(new GmmOptions(BasinRegion.California)).CreateHazardBatch([Imt.Pga], vs30, [100, 100]));
        Assert.Null(new BooreEtAl2014().CreateHazardBatch([Imt.Pga, Imt.Sa(0.23)], vs30, [100, 100])); // interpolated period
        Assert.Null(((IGroundMotionModel)new SadighEtAl1997()) as IHazardGmmBatchSource);
        Assert.NotNull(new BooreEtAl2014().CreateHazardBatch([Imt.Pga, Imt.Sa(0.3)], vs30, [100, 100]));
    }

    [Fact]
    public void InvalidInputsAreRejectedLikeCompute()
    {
        var gmm = new BooreEtAl2014();
        Assert.Throws<QuakeGridInputException>(() => gmm.CreateHazardBatch([Imt.Pga], [400, 0], [0, 0]));
        Assert.Throws<QuakeGridInputException>(() => gmm.CreateHazardBatch([Imt.Pga], [double.NaN], [0]));
        var batch = gmm.CreateHazardBatch([Imt.Pga], [400, 760], [0, 0])!;
        double[][] ln = [new double[2]], phi = [new double[2]];
        var tau = new double[1];
        int[] sites = [0, 1];
        double[] d = [10, 20];
        Assert.Throws<QuakeGridInputException>(() => batch.Evaluate(2.9, 0, sites, d, d, ln, tau, phi, 0));
        Assert.Throws<QuakeGridInputException>(() => batch.Evaluate(8.6, 0, sites, d, d, ln, tau, phi, 0));
        Assert.Throws<QuakeGridInputException>(() => batch.Evaluate(6, 181, sites, d, d, ln, tau, phi, 0));
        Assert.Throws<QuakeGridInputException>(() => batch.Evaluate(6, 0, sites, [10, double.NaN], d, ln, tau, phi, 0));
        Assert.Throws<QuakeGridInputException>(() => batch.Evaluate(6, 0, sites, [-1, 10], d, ln, tau, phi, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => batch.Evaluate(6, 0, [0, 2], d, d, ln, tau, phi, 0));
        batch.Evaluate(6, 0, sites, d, d, ln, tau, phi, 0);
        Assert.True(ln[0][0] > ln[0][1]); // softer site, shorter distance: larger median
    }
}
