using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace QuakeGrid.Core.Gmm;

/// <summary>
/// The BSSA14 per-record arithmetic (equations in <see cref="BooreEtAl2014"/>) on already validated inputs, four
/// records at a time with <see cref="Vector256{T}"/> (including <see cref="Vector256.Log(Vector256{double})"/> and
/// <see cref="Vector256.Exp(Vector256{double})"/>, within ~1e-15 relative of <see cref="Math.Log(double)"/>/<see cref="Math.Exp"/>).
/// A ragged tail is padded to four lanes on the stack, so every record goes through the same arithmetic and its result
/// does not depend on its position in the batch or on how the batch is split. Allocation-free; rock PGA is evaluated
/// inline per record (when the IMT is PGA it is the IMT's own F_E + F_P).
/// </summary>
internal static class Bssa14Kernel
{
    private const int Lanes = 4;

    public static void Evaluate(in GmmContext ctx, Bssa14Coefficients c, Bssa14Coefficients p, bool sof,
        BasinRegion basin, in GmmOutput output)
    {
        var k = new Coefficients(c, p, sof, basin);
        var n = ctx.Count;
        ref var mag = ref MemoryMarshal.GetReference(ctx.Mag);
        ref var rake = ref MemoryMarshal.GetReference(ctx.Rake);
        ref var rjb = ref MemoryMarshal.GetReference(ctx.Rjb);
        ref var vs30 = ref MemoryMarshal.GetReference(ctx.Vs30);
        ref var z1 = ref MemoryMarshal.GetReference(ctx.Z1pt0);
        ref var ln = ref MemoryMarshal.GetReference(output.LnMedian);
        ref var tau = ref MemoryMarshal.GetReference(output.Tau);
        ref var phi = ref MemoryMarshal.GetReference(output.Phi);
        ref var sigma = ref MemoryMarshal.GetReference(output.Sigma);
        var zero = Vector256<double>.Zero;

        var i = 0;
        for (; i + Lanes <= n; i += Lanes)
        {
            var u = (nuint)i;
            Block(k, Vector256.LoadUnsafe(ref mag, u), sof ? Vector256.LoadUnsafe(ref rake, u) : zero,
                Vector256.LoadUnsafe(ref rjb, u), Vector256.LoadUnsafe(ref vs30, u),
                basin != BasinRegion.None ? Vector256.LoadUnsafe(ref z1, u) : zero,
                out var vLn, out var vTau, out var vPhi, out var vSigma);
            vLn.StoreUnsafe(ref ln, u);
            vTau.StoreUnsafe(ref tau, u);
            vPhi.StoreUnsafe(ref phi, u);
            vSigma.StoreUnsafe(ref sigma, u);
        }
        if (i == n) return;

        // Tail: pad with copies of the last record (valid inputs), keep only the real lanes.
        Span<double> buf = stackalloc double[5 * Lanes];
        var last = n - 1;
        for (var l = 0; l < Lanes; l++)
        {
            var j = Math.Min(i + l, last);
            buf[l] = ctx.Mag[j];
            buf[Lanes + l] = sof ? ctx.Rake[j] : 0.0;
            buf[2 * Lanes + l] = ctx.Rjb[j];
            buf[3 * Lanes + l] = ctx.Vs30[j];
            buf[4 * Lanes + l] = basin != BasinRegion.None ? ctx.Z1pt0[j] : 0.0;
        }
        Block(k, Vector256.Create(buf[..Lanes]), Vector256.Create(buf.Slice(Lanes, Lanes)),
            Vector256.Create(buf.Slice(2 * Lanes, Lanes)), Vector256.Create(buf.Slice(3 * Lanes, Lanes)),
            Vector256.Create(buf.Slice(4 * Lanes, Lanes)), out var tLn, out var tTau, out var tPhi, out var tSigma);
        for (var l = 0; i + l < n; l++)
        {
            output.LnMedian[i + l] = tLn.GetElement(l);
            output.Tau[i + l] = tTau.GetElement(l);
            output.Phi[i + l] = tPhi.GetElement(l);
            output.Sigma[i + l] = tSigma.GetElement(l);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block(in Coefficients k, Vector256<double> m, Vector256<double> rake, Vector256<double> d,
        Vector256<double> v, Vector256<double> z1, out Vector256<double> lnY, out Vector256<double> tau,
        out Vector256<double> phi, out Vector256<double> sigma)
    {
        var one = Vector256.Create(1.0);

        // Mechanism coefficient: strike-slip |rake| <= 30 or >= 150, reverse 30 < rake < 150, else normal; e0 without SOF.
        Vector256<double> e, pe;
        if (k.Sof)
        {
            var ar = Vector256.Abs(rake);
            var ss = Vector256.LessThanOrEqual(ar, k.Thirty) | Vector256.LessThanOrEqual(k.OneEighty - ar, k.Thirty);
            var rev = Vector256.GreaterThan(rake, k.Thirty) & Vector256.LessThan(rake, k.OneFifty);
            e = Vector256.ConditionalSelect(ss, k.E1, Vector256.ConditionalSelect(rev, k.E3, k.E2));
            pe = Vector256.ConditionalSelect(ss, k.PE1, Vector256.ConditionalSelect(rev, k.PE3, k.PE2));
        }
        else { e = k.E0; pe = k.PE0; }

        var d2 = d * d;
        var dmRef = m - k.Mref;

        // Event and path terms of the IMT (eq. 2-4).
        var dm = m - k.Mh;
        var fe = e + Vector256.ConditionalSelect(Vector256.LessThanOrEqual(m, k.Mh), k.E4 * dm + k.E5 * (dm * dm), k.E6 * dm);
        var rr = Vector256.Sqrt(d2 + k.H2);
        var fp = (k.C1 + k.C2 * dmRef) * Vector256.Log(rr) + k.C3 * (rr - one);

        // Rock PGA (Vs30 = 760: F_lin = F_nl = 0, no basin term): F_E + F_P of PGA.
        Vector256<double> lnPgaRock;
        if (k.ImtIsPga) lnPgaRock = fe + fp;
        else
        {
            var dmp = m - k.PMh;
            var fep = pe + Vector256.ConditionalSelect(Vector256.LessThanOrEqual(m, k.PMh), k.PE4 * dmp + k.PE5 * (dmp * dmp), k.PE6 * dmp);
            var rp = Vector256.Sqrt(d2 + k.PH2);
            lnPgaRock = fep + (k.PC1 + k.PC2 * dmRef) * Vector256.Log(rp) + k.PC3 * (rp - one);
        }

        // Site terms (eq. 5-8).
        var lnV = Vector256.Log(v);
        var flin = k.CLin * (Vector256.Min(lnV, k.LnVc) - k.LnVref);
        var vs = Vector256.Min(v, k.Vref);
        var f2 = k.F4 * (Vector256.Exp(k.F5 * (vs - k.ThreeSixty)) - k.F2Offset);
        var fnl = f2 * (Vector256.Log(Vector256.Exp(lnPgaRock) + k.F3) - k.LnF3);
        lnY = fe + fp + flin + fnl;

        // Basin term (eq. 9-11), only when requested for T >= 0.65 s.
        if (k.Basin != BasinRegion.None)
        {
            Vector256<double> ratio, expo;
            if (k.Basin == BasinRegion.California)
            {
                var v2 = v * v;
                ratio = (v2 * v2 + k.BasinA) / k.BasinB;
                expo = Vector256.Create(-7.15 / 4.0);
            }
            else
            {
                ratio = (v * v + k.BasinA) / k.BasinB;
                expo = Vector256.Create(-5.23 / 2.0);
            }
            var muZ1Km = Vector256.Exp(expo * Vector256.Log(ratio)) / k.Thousand;
            var dz1 = z1 / k.Thousand - muZ1Km;
            lnY += Vector256.ConditionalSelect(Vector256.LessThanOrEqual(dz1, k.F7OverF6), k.F6 * dz1, k.F7);
        }

        // Aleatory variability (eq. 13-17).
        var low = Vector256.LessThanOrEqual(m, k.M45);
        var high = Vector256.GreaterThanOrEqual(m, k.M55);
        var w = m - k.M45;
        tau = Vector256.ConditionalSelect(low, k.Tau1, Vector256.ConditionalSelect(high, k.Tau2, k.Tau1 + k.DTau * w));
        phi = Vector256.ConditionalSelect(low, k.Phi1, Vector256.ConditionalSelect(high, k.Phi2, k.Phi1 + k.DPhi * w));
        var beyond = Vector256.GreaterThan(d, k.R2);
        var band = Vector256.GreaterThan(d, k.R1) & ~beyond;
        phi += Vector256.ConditionalSelect(beyond, k.DfR, Vector256<double>.Zero);
        if (band != Vector256<double>.Zero)
            phi += Vector256.ConditionalSelect(band, k.DfR * (Vector256.Log(d / k.R1) * k.InvLnR2R1), Vector256<double>.Zero);
        var vLow = Vector256.LessThanOrEqual(v, k.V1);
        var vBand = Vector256.LessThan(v, k.V2) & ~vLow;
        phi -= Vector256.ConditionalSelect(vLow, k.DfV,
            Vector256.ConditionalSelect(vBand, k.DfV * ((k.LnV2 - lnV) * k.InvLnV2V1), Vector256<double>.Zero));
        sigma = Vector256.Sqrt(tau * tau + phi * phi);
    }

    /// <summary>Coefficients and constants broadcast to all lanes, built once per call.</summary>
    private readonly struct Coefficients
    {
        public readonly bool Sof, ImtIsPga;
        public readonly BasinRegion Basin;
        public readonly Vector256<double> E0, E1, E2, E3, E4, E5, E6, Mh, C1, C2, C3, H2;
        public readonly Vector256<double> PE0, PE1, PE2, PE3, PE4, PE5, PE6, PMh, PC1, PC2, PC3, PH2;
        public readonly Vector256<double> CLin, LnVc, LnVref, Vref, F3, LnF3, F4, F5, F2Offset, F6, F7, F7OverF6;
        public readonly Vector256<double> BasinA, BasinB, Thousand;
        public readonly Vector256<double> Tau1, Tau2, DTau, Phi1, Phi2, DPhi, M45, M55, R1, R2, DfR, InvLnR2R1;
        public readonly Vector256<double> DfV, V1, V2, LnV2, InvLnV2V1, Mref, Thirty, OneFifty, OneEighty, ThreeSixty;

        public Coefficients(Bssa14Coefficients c, Bssa14Coefficients p, bool sof, BasinRegion basin)
        {
            Sof = sof;
            ImtIsPga = ReferenceEquals(c, p);
            Basin = basin;
            E0 = V(c.E0); E1 = V(c.E1); E2 = V(c.E2); E3 = V(c.E3); E4 = V(c.E4); E5 = V(c.E5); E6 = V(c.E6); Mh = V(c.Mh);
            C1 = V(c.C1); C2 = V(c.C2); C3 = V(c.C3 + c.Dc3); H2 = V(c.H * c.H);
            PE0 = V(p.E0); PE1 = V(p.E1); PE2 = V(p.E2); PE3 = V(p.E3); PE4 = V(p.E4); PE5 = V(p.E5); PE6 = V(p.E6); PMh = V(p.Mh);
            PC1 = V(p.C1); PC2 = V(p.C2); PC3 = V(p.C3 + p.Dc3); PH2 = V(p.H * p.H);
            CLin = V(c.C); LnVc = V(Math.Log(c.Vc)); LnVref = V(Math.Log(BooreEtAl2014.Vref)); Vref = V(BooreEtAl2014.Vref);
            F3 = V(BooreEtAl2014.F3); LnF3 = V(Math.Log(BooreEtAl2014.F3)); F4 = V(c.F4); F5 = V(c.F5);
            F2Offset = V(Math.Exp(c.F5 * (BooreEtAl2014.Vref - 360.0)));
            F6 = V(c.F6); F7 = V(c.F7); F7OverF6 = V(c.F7 / c.F6);
            if (basin == BasinRegion.California)
            {
                var a4 = Math.Pow(570.94, 4);
                BasinA = V(a4); BasinB = V(Math.Pow(1360.0, 4) + a4);
            }
            else
            {
                var a2 = 412.39 * 412.39;
                BasinA = V(a2); BasinB = V(1360.0 * 1360.0 + a2);
            }
            Thousand = V(1000.0);
            Tau1 = V(c.Tau1); Tau2 = V(c.Tau2); DTau = V(c.Tau2 - c.Tau1);
            Phi1 = V(c.Phi1); Phi2 = V(c.Phi2); DPhi = V(c.Phi2 - c.Phi1);
            M45 = V(4.5); M55 = V(5.5); R1 = V(c.R1); R2 = V(c.R2); DfR = V(c.DfR); InvLnR2R1 = V(1.0 / Math.Log(c.R2 / c.R1));
            DfV = V(c.DfV); V1 = V(BooreEtAl2014.V1); V2 = V(BooreEtAl2014.V2); LnV2 = V(Math.Log(BooreEtAl2014.V2));
            InvLnV2V1 = V(1.0 / Math.Log(BooreEtAl2014.V2 / BooreEtAl2014.V1));
            Mref = V(BooreEtAl2014.Mref); Thirty = V(30.0); OneFifty = V(150.0); OneEighty = V(180.0); ThreeSixty = V(360.0);
        }

        private static Vector256<double> V(double x) => Vector256.Create(x);
    }
}
