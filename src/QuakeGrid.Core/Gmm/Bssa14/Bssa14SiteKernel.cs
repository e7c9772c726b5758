using System.Runtime.CompilerServices;
using QuakeGrid.Core.Numerics.Simd;

namespace QuakeGrid.Core.Gmm;

/// <summary>
/// The vector arithmetic of <see cref="Bssa14SiteBatch"/>, <c>TV.Count</c> records per vector: <see cref="Lanes8"/>
/// (AVX-512) or <see cref="Lanes4"/>. Every lane goes through exactly the operations <see cref="Bssa14Kernel"/> applies
/// to a record (same order, same vector Log/Exp algorithm), with the terms constant per site or per rupture taken from
/// tables instead of recomputed (tests check both widths give the bits of <see cref="BooreEtAl2014.Compute"/>).
/// A ragged tail is padded with copies of the last record, so a record's result never depends on its neighbours.
/// </summary>
/// <typeparam name="TV">The vector width.</typeparam>
internal static unsafe class Bssa14SiteKernel<TV> where TV : struct, ISimdDoubles<TV>
{
    private static int Lanes => TV.Count;

    /// <summary>
    /// Per-site terms of every IMT (see <see cref="Bssa14SiteBatch"/>): <c>into[s · stride + 3k + {0,1,2}]</c> =
    /// F_lin = c (min(ln Vs30, ln Vc) − ln Vref) (eq. 6), f2 = f4 (exp(f5 (min(Vs30, Vref) − 360)) − exp(f5 · 400))
    /// (eq. 8), and the phi site reduction DfV (Vs30 ≤ V1) or DfV ln(V2/Vs30)/ln(V2/V1) (V1 &lt; Vs30 &lt; V2) or 0 (eq. 17).
    /// </summary>
    public static void SiteTerms(Bssa14SiteBatch b, ReadOnlySpan<double> vs30, double[] into)
    {
        var n = vs30.Length;
        var stride = b.SiteStride;
        var vLin = stackalloc double[Lanes];
        var outLin = stackalloc double[Lanes];
        var outF2 = stackalloc double[Lanes];
        var outV = stackalloc double[Lanes];
        for (var i = 0; i < n; i += Lanes)
        {
            for (var l = 0; l < Lanes; l++) vLin[l] = vs30[Math.Min(i + l, n - 1)];
            var v = TV.Load(vLin);
            var lnV = TV.Log(v);
            for (var k = 0; k < b.ImtCount; k++)
            {
                var c = b.SiteCoefficients(k);
                var flin = TV.Create(c.CLin) * (TV.Min(lnV, TV.Create(c.LnVc)) - TV.Create(c.LnVref));
                var vs = TV.Min(v, TV.Create(c.Vref));
                var f2 = TV.Create(c.F4) * (TV.Exp(TV.Create(c.F5) * (vs - TV.Create(c.ThreeSixty))) - TV.Create(c.F2Offset));
                var vLow = TV.LessThanOrEqual(v, TV.Create(c.V1));
                var vBand = TV.LessThan(v, TV.Create(c.V2)) & ~vLow;
                var dfv = TV.Create(c.DfV);
                var vterm = TV.ConditionalSelect(vLow, dfv,
                    TV.ConditionalSelect(vBand, dfv * ((TV.Create(c.LnV2) - lnV) * TV.Create(c.InvLnV2V1)), TV.Zero));
                TV.Store(flin, outLin);
                TV.Store(f2, outF2);
                TV.Store(vterm, outV);
                for (var l = 0; l < Lanes && i + l < n; l++)
                {
                    var o = (i + l) * stride + 3 * k;
                    into[o] = outLin[l];
                    into[o + 1] = outF2[l];
                    into[o + 2] = outV[l];
                }
            }
        }
    }

    /// <summary>
    /// ln median and phi of every IMT for one rupture at <paramref name="sites"/> (see <see cref="Bssa14SiteBatch.Evaluate"/>);
    /// <paramref name="rupture"/> holds per IMT k: F_E (eq. 2), c1 + c2 (M − Mref) (eq. 3) and phi(M) (eq. 15).
    /// </summary>
    public static void Evaluate(Bssa14SiteBatch b, ReadOnlySpan<double> rupture, double fePga, double aPga,
        ReadOnlySpan<int> sites, ReadOnlySpan<double> rjb, double[][] lnMedian, double[][] phi, int offset)
    {
        var m = sites.Length;
        var idx = stackalloc int[Lanes];
        var dd = stackalloc double[Lanes];
        var tmp = stackalloc double[Lanes];
        fixed (double* pSite = b.SiteTable, pNl = b.NonlinearSites)
        fixed (int* pSites = sites)
        fixed (double* pRjb = rjb)
        {
            for (var i = 0; i < m; i += Lanes)
            {
                var n = Math.Min(Lanes, m - i);
                int* ix;
                TV d;
                if (n == Lanes) { ix = pSites + i; d = TV.Load(pRjb + i); }
                else
                {
                    for (var l = 0; l < Lanes; l++) { var j = i + Math.Min(l, n - 1); idx[l] = pSites[j]; dd[l] = pRjb[j]; }
                    ix = idx;
                    d = TV.Load(dd);
                }
                Block(b, rupture, fePga, aPga, pSite, pNl, ix, d, lnMedian, phi, offset + i, n, tmp);
            }
        }
    }

    private static void Block(Bssa14SiteBatch b, ReadOnlySpan<double> rupture, double fePga, double aPga, double* pSite,
        double* pNl, int* ix, TV d, double[][] lnMedian, double[][] phiOut, int at, int n, double* tmp)
    {
        var one = TV.Create(1.0);
        var zero = TV.Zero;
        var stride = b.SiteStride;
        var d2 = d * d;

        // Rock PGA (Vs30 = 760) of this rupture at these sites: F_E + F_P of PGA, shared by all IMTs. Bssa14Kernel
        // forms it as fe + (A + B) when the IMT is PGA and as (fe + A) + B otherwise; both are kept.
        var rp = TV.Sqrt(d2 + TV.Create(b.PgaH2));
        var a = TV.Create(aPga) * TV.Log(rp);
        var bb = TV.Create(b.PgaC3) * (rp - one);
        var fe = TV.Create(fePga);
        var fpPga = a + bb;
        var rockPga = fe + fpPga;
        var rockOther = fe + a + bb;

        // ln((PGAr + f3)/f3) is needed unless f2 = 0 at all lanes for every IMT and it is finite (then f2 · L = ±0 and
        // x + f2 · L = x for x ≠ 0, checked below); exp(rock) + f3 is finite when rock ≤ 700. nl holds the site kinds.
        var nl = b.AllReferenceRock ? zero : TV.Gather(pNl, ix, 1, 0);
        var limit = TV.Create(700.0);
        var finite = TV.LessThanOrEqualAll(rockPga, limit) && TV.LessThanOrEqualAll(rockOther, limit);
        var skip = finite && TV.LessThanOrEqualAll(nl, TV.Create(Bssa14SiteBatch.LinearOnly));
        var rock = skip && nl == zero; // reference rock at every lane: F_lin = −0 and phi reduction = +0 need not be loaded
        var haveL = false;
        TV lPga = zero, lOther = zero;

        for (var k = 0; k < b.ImtCount; k++)
        {
            var c = b.ImtCoefficients(k);
            TV fp;
            if (k == b.PgaImt) fp = fpPga;
            else
            {
                var rr = TV.Sqrt(d2 + TV.Create(c.H2));
                fp = TV.Create(rupture[3 * k + 1]) * TV.Log(rr) + TV.Create(c.C3) * (rr - one);
            }
            var x = TV.Create(rupture[3 * k]) + fp;
            if (!rock) x += TV.Gather(pSite, ix, stride, 3 * k);
            TV lnY;
            if (skip && !TV.EqualsAny(x, zero)) lnY = x;
            else
            {
                if (!haveL)
                {
                    var f3 = TV.Create(BooreEtAl2014.F3);
                    var lnF3 = TV.Create(b.LnF3);
                    lOther = TV.Log(TV.Exp(rockOther) + f3) - lnF3;
                    lPga = rockPga == rockOther ? lOther : TV.Log(TV.Exp(rockPga) + f3) - lnF3;
                    haveL = true;
                }
                lnY = x + TV.Gather(pSite, ix, stride, 3 * k + 1) * (k == b.PgaImt ? lPga : lOther);
            }

            // phi (eq. 15-17): phi(M) + DfR terms + site reduction.
            var ph = TV.Create(rupture[3 * k + 2]);
            var r2 = TV.Create(c.R2);
            var r1 = TV.Create(c.R1);
            var dfr = TV.Create(c.DfR);
            var beyond = TV.GreaterThan(d, r2);
            var band = TV.GreaterThan(d, r1) & ~beyond;
            ph += TV.ConditionalSelect(beyond, dfr, zero);
            if (band != zero)
                ph += TV.ConditionalSelect(band, dfr * (TV.Log(d / r1) * TV.Create(c.InvLnR2R1)), zero);
            if (!rock) ph -= TV.Gather(pSite, ix, stride, 3 * k + 2);

            Store(lnY, lnMedian[k], at, n, tmp);
            Store(ph, phiOut[k], at, n, tmp);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(TV v, double[] into, int at, int n, double* tmp)
    {
        if (n == Lanes) { TV.Store(v, ref into[at]); return; }
        TV.Store(v, tmp);
        for (var l = 0; l < n; l++) into[at + l] = tmp[l];
    }
}
