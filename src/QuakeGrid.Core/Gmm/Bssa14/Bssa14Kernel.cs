using System.Runtime.CompilerServices;

namespace QuakeGrid.Core.Gmm;

/// <summary>
/// The BSSA14 per-record arithmetic (equations in <see cref="BooreEtAl2014"/>), on already validated inputs.
/// Allocation-free: everything lives in locals; rock PGA is evaluated inline per record.
/// </summary>
internal static class Bssa14Kernel
{
    private static readonly double LnVref = Math.Log(BooreEtAl2014.Vref);
    private static readonly double LnF3 = Math.Log(BooreEtAl2014.F3);

    public static void Evaluate(in GmmContext ctx, Bssa14Coefficients c, Bssa14Coefficients p, bool sof,
        BasinRegion basin, in GmmOutput output)
    {
        var mag = ctx.Mag;
        var rake = ctx.Rake;
        var rjb = ctx.Rjb;
        var vs30 = ctx.Vs30;
        var z1 = ctx.Z1pt0;
        var lnMedian = output.LnMedian;
        var tauOut = output.Tau;
        var phiOut = output.Phi;
        var sigmaOut = output.Sigma;

        // IMT coefficients as locals.
        double e0 = c.E0, e1 = c.E1, e2 = c.E2, e3 = c.E3, e4 = c.E4, e5 = c.E5, e6 = c.E6, mh = c.Mh;
        double c1 = c.C1, c2 = c.C2, c3 = c.C3 + c.Dc3, h2 = c.H * c.H;
        double cLin = c.C, lnVc = Math.Log(c.Vc), f4 = c.F4, f5 = c.F5, f6 = c.F6, f7 = c.F7, f7OverF6 = c.F7 / c.F6;
        var f2Offset = Math.Exp(f5 * (BooreEtAl2014.Vref - 360.0));
        double r1 = c.R1, r2 = c.R2, dfr = c.DfR, dfv = c.DfV, phi1 = c.Phi1, phi2 = c.Phi2, tau1 = c.Tau1, tau2 = c.Tau2;
        var invLnR2R1 = 1.0 / Math.Log(r2 / r1);
        var lnV2 = Math.Log(BooreEtAl2014.V2);
        var invLnV2V1 = 1.0 / Math.Log(BooreEtAl2014.V2 / BooreEtAl2014.V1);
        // PGA (rock) coefficients.
        double pe0 = p.E0, pe1 = p.E1, pe2 = p.E2, pe3 = p.E3, pe4 = p.E4, pe5 = p.E5, pe6 = p.E6, pmh = p.Mh;
        double pc1 = p.C1, pc2 = p.C2, pc3 = p.C3 + p.Dc3, ph2 = p.H * p.H;

        for (var i = 0; i < lnMedian.Length; i++)
        {
            var m = mag[i];
            double e, pe;
            if (!sof) { e = e0; pe = pe0; }
            else
            {
                var r = rake[i];
                var ar = Math.Abs(r);
                if (ar <= 30.0 || 180.0 - ar <= 30.0) { e = e1; pe = pe1; }      // strike-slip
                else if (r > 30.0 && r < 150.0) { e = e3; pe = pe3; }            // reverse
                else { e = e2; pe = pe2; }                                        // normal
            }

            // Rock PGA: F_E + F_P of PGA (Vs30 = 760 gives F_lin = 0 and F_nl = 0).
            var dmp = m - pmh;
            var fep = pe + (m <= pmh ? pe4 * dmp + pe5 * dmp * dmp : pe6 * dmp);
            var d = rjb[i];
            var d2 = d * d;
            var rp = Math.Sqrt(d2 + ph2);
            var lnPgaRock = fep + (pc1 + pc2 * (m - BooreEtAl2014.Mref)) * Math.Log(rp) + pc3 * (rp - BooreEtAl2014.Rref);

            // Event and path terms of the IMT.
            var dm = m - mh;
            var fe = e + (m <= mh ? e4 * dm + e5 * dm * dm : e6 * dm);
            var rr = Math.Sqrt(d2 + h2);
            var fp = (c1 + c2 * (m - BooreEtAl2014.Mref)) * Math.Log(rr) + c3 * (rr - BooreEtAl2014.Rref);

            // Site terms.
            var v = vs30[i];
            var lnV = Math.Log(v);
            var flin = cLin * (Math.Min(lnV, lnVc) - LnVref);
            var vs = Math.Min(v, BooreEtAl2014.Vref);
            var f2 = f4 * (Math.Exp(f5 * (vs - 360.0)) - f2Offset);
            var fnl = f2 * (Math.Log(Math.Exp(lnPgaRock) + BooreEtAl2014.F3) - LnF3);
            var lnY = fe + fp + flin + fnl;
            if (basin != BasinRegion.None)
            {
                var dz1 = z1[i] / 1000.0 - MuZ1Km(basin, v);
                lnY += dz1 <= f7OverF6 ? f6 * dz1 : f7;
            }
            lnMedian[i] = lnY;

            // Aleatory variability (eq. 13-17).
            double tau, phi;
            if (m <= 4.5) { tau = tau1; phi = phi1; }
            else if (m >= 5.5) { tau = tau2; phi = phi2; }
            else { var w = m - 4.5; tau = tau1 + (tau2 - tau1) * w; phi = phi1 + (phi2 - phi1) * w; }
            if (d > r2) phi += dfr;
            else if (d > r1) phi += dfr * (Math.Log(d / r1) * invLnR2R1);
            if (v <= BooreEtAl2014.V1) phi -= dfv;
            else if (v < BooreEtAl2014.V2) phi -= dfv * ((lnV2 - lnV) * invLnV2V1);
            tauOut[i] = tau;
            phiOut[i] = phi;
            sigmaOut[i] = Math.Sqrt(tau * tau + phi * phi);
        }
    }

    /// <summary>
    /// Mean z1.0 for a Vs30 in km (Boore et al. 2014, eq. 11): California
    /// ln mu = -7.15/4 ln((V^4 + 570.94^4)/(1360^4 + 570.94^4)) - ln 1000; Japan
    /// ln mu = -5.23/2 ln((V^2 + 412.39^2)/(1360^2 + 412.39^2)) - ln 1000.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double MuZ1Km(BasinRegion basin, double vs30)
    {
        if (basin == BasinRegion.California)
        {
            const double a4 = 570.94 * 570.94 * 570.94 * 570.94;
            const double b4 = 1360.0 * 1360.0 * 1360.0 * 1360.0;
            var v2 = vs30 * vs30;
            return Math.Exp(-7.15 / 4.0 * Math.Log((v2 * v2 + a4) / (b4 + a4))) / 1000.0;
        }
        const double a2 = 412.39 * 412.39;
        const double b2 = 1360.0 * 1360.0;
        return Math.Exp(-5.23 / 2.0 * Math.Log((vs30 * vs30 + a2) / (b2 + a2))) / 1000.0;
    }
}
