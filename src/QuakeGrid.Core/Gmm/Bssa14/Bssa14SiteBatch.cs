using System.Runtime.Intrinsics;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.Numerics.Simd;

namespace QuakeGrid.Core.Gmm;

/// <summary>
/// BSSA14 (Boore et al. 2014; equations in <see cref="BooreEtAl2014"/>) specialised for hazard: fixed sites, fixed
/// tabulated IMTs, no basin term. The arithmetic is <see cref="Bssa14Kernel"/>'s, operation for operation, so results
/// are bit-identical to <see cref="BooreEtAl2014.Compute"/>; what changes is how often each term is formed:
/// <list type="bullet">
/// <item>per site and IMT, once per batch: F_lin (eq. 6), f2 (eq. 8) and the phi Vs30 reduction (eq. 17), from
/// ln Vs30 (<see cref="SiteTable"/>);</item>
/// <item>per rupture and IMT: F_E (eq. 2, mechanism from the rake), c1 + c2 (M − Mref) (eq. 3), tau(M) and phi(M)
/// (eq. 14-15);</item>
/// <item>per site-rupture, shared by all IMTs: the rock-PGA F_E + F_P and ln((PGAr + f3)/f3) (eq. 7), skipped where f2 is
/// exactly 0 for every IMT (Vs30 ≥ Vref when exp(f5·400) rounds alike in both places): f2 · L is then ±0 and x + (±0) = x
/// for every x ≠ 0 (IEEE 754 round-to-nearest), and L is finite when exp(PGAr) + f3 is (PGAr ≤ 700); blocks where a lane
/// of x is 0 or PGAr is larger or NaN take the full formula;</item>
/// <item>per record and IMT: only R = sqrt(Rjb² + h²), ln R, F_P and the phi distance term (eq. 16); where all lanes are
/// reference rock (F_lin = −0, phi reduction +0, f2 = ±0 for every IMT, i.e. Vs30 = Vref) the per-site terms are not
/// even loaded: x + (−0) = x and x − (+0) = x for every x.</item>
/// </list>
/// Vectors are 8 lanes (<see cref="Vector512"/>) when hardware-accelerated, else 4 (<see cref="Vector256"/>); each lane
/// is computed alone with the same operations, so the width does not change the bits (tested).
/// <para>
/// Scope of the bit identity: .NET's vector exp (VectorMath.ExpDouble) evaluates a whole vector with scalar
/// <see cref="Math.Exp"/> as soon as one lane has |x| &gt; 708, so there a lane's result depends on its neighbours (in
/// <see cref="Bssa14Kernel"/> too). The exp arguments here are f5 (min(Vs30, 760) − 360), |·| &lt; 4 for any positive Vs30,
/// and ln PGAr, above −300 for any Rjb on Earth (&lt; 20,040 km: |c3 + Dc3| · R &lt; 230); within those the identity is exact.
/// </para>
/// Sigma is not produced (the hazard counting uses tau and phi). Immutable and thread-safe; no allocation per call.
/// </summary>
internal sealed class Bssa14SiteBatch : IHazardGmmBatch
{
    private readonly BooreEtAl2014 _gmm;
    private readonly Bssa14Coefficients[] _rows;
    private readonly Bssa14Coefficients _pga;
    private readonly ImtTerms[] _imt;
    private readonly SiteCoefficientSet[] _site;

    /// <summary>
    /// Builds the batch for tabulated <paramref name="imts"/> and sites with <paramref name="vs30"/>;
    /// <paramref name="wide"/> picks 8-lane vectors (null: when <see cref="Vector512.IsHardwareAccelerated"/>).
    /// </summary>
    internal Bssa14SiteBatch(BooreEtAl2014 gmm, Bssa14Coefficients[] rows, Bssa14Coefficients pga, IReadOnlyList<Imt> imts,
        ReadOnlySpan<double> vs30, bool? wide = null)
    {
        _gmm = gmm;
        _rows = rows;
        _pga = pga;
        Wide = wide ?? Vector512.IsHardwareAccelerated;
        ImtCount = rows.Length;
        PgaImt = -1;
        for (var k = 0; k < imts.Count; k++) if (ReferenceEquals(rows[k], pga)) { PgaImt = k; break; }
        _imt = new ImtTerms[rows.Length];
        _site = new SiteCoefficientSet[rows.Length];
        for (var k = 0; k < rows.Length; k++)
        {
            var c = rows[k];
            _imt[k] = new ImtTerms(c.C3 + c.Dc3, c.H * c.H, c.R1, c.R2, c.DfR, 1.0 / Math.Log(c.R2 / c.R1));
            _site[k] = new SiteCoefficientSet(c.C, Math.Log(c.Vc), Math.Log(BooreEtAl2014.Vref), BooreEtAl2014.Vref, c.F4, c.F5, 360.0,
                Math.Exp(c.F5 * (BooreEtAl2014.Vref - 360.0)), BooreEtAl2014.V1, BooreEtAl2014.V2, c.DfV,
                Math.Log(BooreEtAl2014.V2), 1.0 / Math.Log(BooreEtAl2014.V2 / BooreEtAl2014.V1));
        }
        PgaC3 = pga.C3 + pga.Dc3;
        PgaH2 = pga.H * pga.H;
        LnF3 = Math.Log(BooreEtAl2014.F3);
        SiteStride = 3 * rows.Length;
        SiteCount = vs30.Length;
        SiteTable = new double[Math.Max(1, vs30.Length * SiteStride)];
        NonlinearSites = new double[Math.Max(1, vs30.Length)];
        if (vs30.Length > 0)
        {
            if (Wide) Bssa14SiteKernel<Lanes8>.SiteTerms(this, vs30, SiteTable);
            else Bssa14SiteKernel<Lanes4>.SiteTerms(this, vs30, SiteTable);
        }
        for (var s = 0; s < vs30.Length; s++)
        {
            var kind = ReferenceRock;
            for (var k = 0; k < rows.Length; k++)
            {
                var o = s * SiteStride + 3 * k;
                if (!(SiteTable[o + 1] == 0.0)) { kind = Nonlinear; break; }
                if (BitConverter.DoubleToInt64Bits(SiteTable[o]) != NegativeZeroBits || BitConverter.DoubleToInt64Bits(SiteTable[o + 2]) != 0L)
                    kind = LinearOnly;
            }
            NonlinearSites[s] = kind;
        }
        AllReferenceRock = Array.TrueForAll(NonlinearSites, k => k == ReferenceRock);
    }

    /// <summary>Whether every site is <see cref="ReferenceRock"/> (the kernels then need not load the site kinds).</summary>
    internal bool AllReferenceRock { get; }

    /// <summary>True: 8-lane vectors; false: 4-lane.</summary>
    public bool Wide { get; }
    /// <summary>Number of IMTs (outputs per record).</summary>
    public int ImtCount { get; }
    /// <summary>Number of sites.</summary>
    public int SiteCount { get; }
    /// <summary>Index of PGA in the IMT list, or −1.</summary>
    internal int PgaImt { get; }
    internal double PgaC3 { get; }
    internal double PgaH2 { get; }
    internal double LnF3 { get; }
    /// <summary>Doubles per site in <see cref="SiteTable"/> (3 per IMT).</summary>
    internal int SiteStride { get; }
    /// <summary>Per site s and IMT k: <c>[s · SiteStride + 3k]</c> F_lin, <c>+1</c> f2, <c>+2</c> the phi Vs30 reduction.</summary>
    internal double[] SiteTable { get; }
    /// <summary>
    /// Per site: <see cref="Nonlinear"/> when some IMT has f2 ≠ 0 (the nonlinear site term is needed),
    /// <see cref="LinearOnly"/> when f2 = ±0 for every IMT, <see cref="ReferenceRock"/> when moreover F_lin is −0 and the phi
    /// reduction +0 for every IMT (Vs30 = Vref): adding −0 and subtracting +0 change no value, so those terms are skipped.
    /// </summary>
    internal double[] NonlinearSites { get; }

    /// <summary>Site kinds of <see cref="NonlinearSites"/>.</summary>
    internal const double ReferenceRock = 0.0, LinearOnly = 1.0, Nonlinear = 2.0;
    private const long NegativeZeroBits = unchecked((long)0x8000_0000_0000_0000UL);

    internal ImtTerms ImtCoefficients(int k) => _imt[k];
    internal SiteCoefficientSet SiteCoefficients(int k) => _site[k];

    /// <summary>Per-rupture terms on the stack, then the vector kernel for the sites; tau is a function of magnitude alone
    /// (eq. 14), written once per IMT.</summary>
    public void Evaluate(double magnitude, double rake, ReadOnlySpan<int> sites, ReadOnlySpan<double> rjb, ReadOnlySpan<double> rrup,
        double[][] lnMedian, Span<double> tau, double[][] phi, int offset)
    {
        var m = sites.Length;
        if (rjb.Length != m || rrup.Length != m) throw new ArgumentException("sites, rjb and rrup must have the same length");
        if (lnMedian.Length != ImtCount || tau.Length != ImtCount || phi.Length != ImtCount)
            throw new ArgumentException($"the batch has {ImtCount} IMTs");
        var (mMin, mMax) = _gmm.MagnitudeRange;
        GmmInputCheck.Magnitudes(_gmm.Name, new ReadOnlySpan<double>(in magnitude), mMin, mMax);
        var sof = _gmm.Options.StyleOfFaulting;
        if (sof) GmmInputCheck.Rakes(_gmm.Name, new ReadOnlySpan<double>(in rake));
        GmmInputCheck.Distances(_gmm.Name, rjb, "rjb");
        foreach (var s in sites)
            if ((uint)s >= (uint)SiteCount) throw new ArgumentOutOfRangeException(nameof(sites), s, $"site index outside [0, {SiteCount})");
        if (m == 0) return;

        // Per rupture (scalar; same IEEE operations as the vector lanes of Bssa14Kernel).
        Span<double> rupture = stackalloc double[3 * ImtCount];
        var mech = sof ? Mechanism(rake) : -1;
        var dmRef = magnitude - BooreEtAl2014.Mref;
        for (var k = 0; k < ImtCount; k++)
        {
            var c = _rows[k];
            rupture[3 * k] = MagnitudeTerm(c, mech, magnitude);
            rupture[3 * k + 1] = c.C1 + c.C2 * dmRef;
            rupture[3 * k + 2] = InMagnitude(magnitude, c.Phi1, c.Phi2, c.Phi2 - c.Phi1);
            tau[k] = InMagnitude(magnitude, c.Tau1, c.Tau2, c.Tau2 - c.Tau1);
        }
        var fePga = MagnitudeTerm(_pga, mech, magnitude);
        var aPga = _pga.C1 + _pga.C2 * dmRef;
        if (Wide) Bssa14SiteKernel<Lanes8>.Evaluate(this, rupture, fePga, aPga, sites, rjb, lnMedian, phi, offset);
        else Bssa14SiteKernel<Lanes4>.Evaluate(this, rupture, fePga, aPga, sites, rjb, lnMedian, phi, offset);
    }

    /// <summary>0 strike-slip (|rake| ≤ 30 or ≥ 150), 1 reverse (30 &lt; rake &lt; 150), 2 normal — Bssa14Kernel's tests.</summary>
    private static int Mechanism(double rake)
    {
        var ar = Math.Abs(rake);
        if (ar <= 30.0 || 180.0 - ar <= 30.0) return 0;
        return rake > 30.0 && rake < 150.0 ? 1 : 2;
    }

    /// <summary>F_E (eq. 2): e + e4 ΔM + e5 ΔM² for M ≤ Mh, else e + e6 ΔM, ΔM = M − Mh.</summary>
    private static double MagnitudeTerm(Bssa14Coefficients c, int mech, double m)
    {
        var e = mech switch { 0 => c.E1, 1 => c.E3, 2 => c.E2, _ => c.E0 };
        var dm = m - c.Mh;
        return e + (m <= c.Mh ? c.E4 * dm + c.E5 * (dm * dm) : c.E6 * dm);
    }

    /// <summary>tau or phi(M) (eq. 14-15): v1 for M ≤ 4.5, v2 for M ≥ 5.5, v1 + (v2 − v1)(M − 4.5) between.</summary>
    private static double InMagnitude(double m, double v1, double v2, double dv) =>
        m <= 4.5 ? v1 : m >= 5.5 ? v2 : v1 + dv * (m - 4.5);

    /// <summary>Coefficients of one IMT used per record: c3 + Dc3, h², R1, R2, DfR, 1/ln(R2/R1).</summary>
    internal readonly record struct ImtTerms(double C3, double H2, double R1, double R2, double DfR, double InvLnR2R1);

    /// <summary>Coefficients of one IMT used for the per-site terms (eq. 6, 8, 17).</summary>
    internal readonly record struct SiteCoefficientSet(double CLin, double LnVc, double LnVref, double Vref, double F4, double F5,
        double ThreeSixty, double F2Offset, double V1, double V2, double DfV, double LnV2, double InvLnV2V1);
}
