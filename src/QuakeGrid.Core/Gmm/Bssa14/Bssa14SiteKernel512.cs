using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace QuakeGrid.Core.Gmm;

/// <summary>
/// The vector arithmetic of <see cref="Bssa14SiteBatch"/>, eight records per <see cref="Vector512{T}"/>. Every lane goes
/// through exactly the operations <see cref="Bssa14Kernel"/> applies to a record (same order, same
/// <see cref="Vector512.Log(Vector512{double})"/>/<see cref="Vector512.Exp(Vector512{double})"/> algorithm), with the
/// terms constant per site or per rupture taken from tables instead of recomputed; <see cref="Bssa14SiteKernel256"/> is
/// the same code at four lanes (tests check both give the bits of <see cref="BooreEtAl2014.Compute"/>).
/// A ragged tail is padded with copies of the last record, so a record's result never depends on its neighbours.
/// </summary>
internal static unsafe class Bssa14SiteKernel512
{
    public const int Lanes = 8;

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
            var v = Vector512.Load(vLin);
            var lnV = Vector512.Log(v);
            for (var k = 0; k < b.ImtCount; k++)
            {
                var c = b.SiteCoefficients(k);
                var flin = Vector512.Create(c.CLin) * (Vector512.Min(lnV, Vector512.Create(c.LnVc)) - Vector512.Create(c.LnVref));
                var vs = Vector512.Min(v, Vector512.Create(c.Vref));
                var f2 = Vector512.Create(c.F4) * (Vector512.Exp(Vector512.Create(c.F5) * (vs - Vector512.Create(c.ThreeSixty))) - Vector512.Create(c.F2Offset));
                var vLow = Vector512.LessThanOrEqual(v, Vector512.Create(c.V1));
                var vBand = Vector512.LessThan(v, Vector512.Create(c.V2)) & ~vLow;
                var dfv = Vector512.Create(c.DfV);
                var vterm = Vector512.ConditionalSelect(vLow, dfv,
                    Vector512.ConditionalSelect(vBand, dfv * ((Vector512.Create(c.LnV2) - lnV) * Vector512.Create(c.InvLnV2V1)), Vector512<double>.Zero));
                flin.Store(outLin);
                f2.Store(outF2);
                vterm.Store(outV);
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
                Vector512<double> d;
                if (n == Lanes) { ix = pSites + i; d = Vector512.Load(pRjb + i); }
                else
                {
                    for (var l = 0; l < Lanes; l++) { var j = i + Math.Min(l, n - 1); idx[l] = pSites[j]; dd[l] = pRjb[j]; }
                    ix = idx;
                    d = Vector512.Load(dd);
                }
                Block(b, rupture, fePga, aPga, pSite, pNl, ix, d, lnMedian, phi, offset + i, n, tmp);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Gather(double* table, int* ix, int stride, int o) => Vector512.Create(
        table[(long)ix[0] * stride + o], table[(long)ix[1] * stride + o], table[(long)ix[2] * stride + o], table[(long)ix[3] * stride + o],
        table[(long)ix[4] * stride + o], table[(long)ix[5] * stride + o], table[(long)ix[6] * stride + o], table[(long)ix[7] * stride + o]);

    private static void Block(Bssa14SiteBatch b, ReadOnlySpan<double> rupture, double fePga, double aPga, double* pSite,
        double* pNl, int* ix, Vector512<double> d, double[][] lnMedian, double[][] phiOut, int at, int n, double* tmp)
    {
        var one = Vector512.Create(1.0);
        var zero = Vector512<double>.Zero;
        var stride = b.SiteStride;
        var d2 = d * d;

        // Rock PGA (Vs30 = 760) of this rupture at these sites: F_E + F_P of PGA, shared by all IMTs. Bssa14Kernel
        // forms it as fe + (A + B) when the IMT is PGA and as (fe + A) + B otherwise; both are kept.
        var rp = Vector512.Sqrt(d2 + Vector512.Create(b.PgaH2));
        var a = Vector512.Create(aPga) * Vector512.Log(rp);
        var bb = Vector512.Create(b.PgaC3) * (rp - one);
        var fe = Vector512.Create(fePga);
        var fpPga = a + bb;
        var rockPga = fe + fpPga;
        var rockOther = fe + a + bb;

        // ln((PGAr + f3)/f3) is needed unless f2 = 0 at all lanes for every IMT and it is finite (then f2 · L = ±0 and
        // x + f2 · L = x for x ≠ 0, checked below); exp(rock) + f3 is finite when rock ≤ 700. nl holds the site kinds.
        var nl = b.AllReferenceRock ? zero : Vector512.Create(pNl[ix[0]], pNl[ix[1]], pNl[ix[2]], pNl[ix[3]], pNl[ix[4]], pNl[ix[5]], pNl[ix[6]], pNl[ix[7]]);
        var limit = Vector512.Create(700.0);
        var finite = Vector512.LessThanOrEqualAll(rockPga, limit) && Vector512.LessThanOrEqualAll(rockOther, limit);
        var skip = finite && Vector512.LessThanOrEqualAll(nl, Vector512.Create(Bssa14SiteBatch.LinearOnly));
        var rock = skip && nl == zero; // reference rock at every lane: F_lin = −0 and phi reduction = +0 need not be loaded
        var haveL = false;
        Vector512<double> lPga = zero, lOther = zero;

        for (var k = 0; k < b.ImtCount; k++)
        {
            var c = b.ImtCoefficients(k);
            Vector512<double> fp;
            if (k == b.PgaImt) fp = fpPga;
            else
            {
                var rr = Vector512.Sqrt(d2 + Vector512.Create(c.H2));
                fp = Vector512.Create(rupture[3 * k + 1]) * Vector512.Log(rr) + Vector512.Create(c.C3) * (rr - one);
            }
            var x = Vector512.Create(rupture[3 * k]) + fp;
            if (!rock) x += Gather(pSite, ix, stride, 3 * k);
            Vector512<double> lnY;
            if (skip && !Vector512.EqualsAny(x, zero)) lnY = x;
            else
            {
                if (!haveL)
                {
                    var f3 = Vector512.Create(BooreEtAl2014.F3);
                    var lnF3 = Vector512.Create(b.LnF3);
                    lOther = Vector512.Log(Vector512.Exp(rockOther) + f3) - lnF3;
                    lPga = rockPga == rockOther ? lOther : Vector512.Log(Vector512.Exp(rockPga) + f3) - lnF3;
                    haveL = true;
                }
                lnY = x + Gather(pSite, ix, stride, 3 * k + 1) * (k == b.PgaImt ? lPga : lOther);
            }

            // phi (eq. 15-17): phi(M) + DfR terms + site reduction.
            var ph = Vector512.Create(rupture[3 * k + 2]);
            var r2 = Vector512.Create(c.R2);
            var r1 = Vector512.Create(c.R1);
            var dfr = Vector512.Create(c.DfR);
            var beyond = Vector512.GreaterThan(d, r2);
            var band = Vector512.GreaterThan(d, r1) & ~beyond;
            ph += Vector512.ConditionalSelect(beyond, dfr, zero);
            if (band != zero)
                ph += Vector512.ConditionalSelect(band, dfr * (Vector512.Log(d / r1) * Vector512.Create(c.InvLnR2R1)), zero);
            if (!rock) ph -= Gather(pSite, ix, stride, 3 * k + 2);

            Store(lnY, lnMedian[k], at, n, tmp);
            Store(ph, phiOut[k], at, n, tmp);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector512<double> v, double[] into, int at, int n, double* tmp)
    {
        if (n == Lanes) { v.StoreUnsafe(ref into[at]); return; }
        v.Store(tmp);
        for (var l = 0; l < n; l++) into[at + l] = tmp[l];
    }
}
