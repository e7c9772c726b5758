using System.Collections.Concurrent;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.Gmm;

/// <summary>
/// Boore, Stewart, Seyhan &amp; Atkinson (2014), "NGA-West2 equations for predicting PGA, PGV, and 5 % damped PSA
/// for shallow crustal earthquakes", Earthquake Spectra 30(3), 1057-1085 (BSSA14); OpenQuake
/// <c>BooreEtAl2014</c>, <c>BooreEtAl2014HighQ</c>, <c>BooreEtAl2014LowQ</c>.
/// <para>
/// ln Y = F_E(M, mech) + F_P(Rjb, M, region) + F_S(Vs30, Rjb, M, z1.0) (eq. 1): magnitude scaling F_E (eq. 2) with
/// e1/e2/e3 for strike-slip/normal/reverse from the rake (or e0 when style of faulting is off); path
/// F_P = [c1 + c2 (M - Mref)] ln(R/Rref) + (c3 + Dc3)(R - Rref), R = sqrt(Rjb^2 + h^2) (eq. 3-4); site
/// F_S = F_lin + F_nl + F_dz1: F_lin = c ln(min(Vs30, Vc)/Vref) (eq. 6), F_nl = f2 ln((PGAr + f3)/f3) with
/// f2 = f4 [exp(f5 (min(Vs30, 760) - 360)) - exp(f5 (760 - 360))] (eq. 7-8), PGAr the median PGA on Vs30 = 760 m/s
/// rock (F_E + F_P of PGA, same mechanism and region), and the basin term F_dz1 (eq. 9-11) for T &gt;= 0.65 s when a
/// basin region is chosen: dz1 = z1.0/1000 - mu_z1(Vs30) km, F_dz1 = f6 dz1 if dz1 &lt;= f7/f6 else f7.
/// Constants Mref = 4.5, Rref = 1 km, Vref = 760 m/s, f1 = 0, f3 = 0.1 g, V1 = 225, V2 = 300 m/s.
/// </para>
/// <para>
/// Standard deviations (eq. 13-17): tau from tau1 (M &lt;= 4.5) to tau2 (M &gt;= 5.5), linear in M between; phi from
/// f1 to f2 the same way, plus DfR ln(Rjb/R1)/ln(R2/R1) for R1 &lt; Rjb &lt;= R2 (DfR beyond R2), minus
/// DfV ln(V2/Vs30)/ln(V2/V1) for V1 &lt;= Vs30 &lt;= V2 (DfV below V1); sigma = sqrt(tau^2 + phi^2).
/// </para>
/// <para>
/// Stated range (Boore et al. 2014, "Limits on the use of the equations"): M 3 to 8.5 for strike-slip and reverse
/// (7 for normal; not enforced so that the OpenQuake verification rows with normal M 8 remain evaluable), Rjb &lt; 400 km,
/// Vs30 150-1500 m/s. Only magnitude is enforced (records outside [3, 8.5] are rejected); Vs30 must be positive.
/// Periods: PGA, PGV and the 105 tabulated SA periods 0.01-10 s. An SA period between two tabulated periods is
/// interpolated as D. M. Boore's Fortran code does (the code that produced the OpenQuake verification tables): ln Y,
/// tau and phi are evaluated at the two bracketing periods and interpolated linearly in ln(T); sigma is then
/// sqrt(tau^2 + phi^2). (OpenQuake instead interpolates the coefficients, which differs by up to 1.8 % at 0.23 s
/// because the hinge magnitude Mh changes between 0.22 and 0.24 s.) Periods outside 0.01-10 s are an error.
/// Units: PGA/SA in g, PGV in cm/s, natural logs.
/// </para>
/// Thread-safe: instances are immutable apart from a concurrent cache of coefficient rows per IMT.
/// </summary>
public sealed class BooreEtAl2014 : IGroundMotionModel, IHazardGmmBatchSource
{
    /// <summary>Reference magnitude Mref.</summary>
    public const double Mref = 4.5;
    /// <summary>Reference distance Rref, km.</summary>
    public const double Rref = 1.0;
    /// <summary>Reference velocity Vref, m/s.</summary>
    public const double Vref = 760.0;
    /// <summary>Nonlinear site constant f3, g.</summary>
    public const double F3 = 0.1;
    /// <summary>Lower Vs30 of the phi site term, m/s.</summary>
    public const double V1 = 225.0;
    /// <summary>Upper Vs30 of the phi site term, m/s.</summary>
    public const double V2 = 300.0;
    /// <summary>Shortest period with a basin term, s.</summary>
    public const double BasinMinPeriod = 0.65;

    private readonly ConcurrentDictionary<Imt, Bssa14Coefficients> _rows = new();
    private readonly Bssa14Coefficients _pga;

    public BooreEtAl2014(GmmOptions? options = null)
    {
        Options = options ?? GmmOptions.Default;
        if (Options.SadighSite != SadighSiteClass.ByVs30)
            throw new ArgumentException("BooreEtAl2014 has no Sadigh site-class option (SadighSite must be ByVs30)");
        if (!Enum.IsDefined(Options.Basin)) throw new ArgumentException($"unknown basin region {Options.Basin}");
        if (!Enum.IsDefined(Options.Attenuation)) throw new ArgumentException($"unknown attenuation region {Options.Attenuation}");
        Name = Options.Attenuation switch
        {
            AttenuationRegion.ChinaTurkey => "BooreEtAl2014HighQ",
            AttenuationRegion.ItalyJapan => "BooreEtAl2014LowQ",
            _ => "BooreEtAl2014",
        };
        _pga = Row(Imt.Pga);
    }

    /// <summary>The options this instance was built with.</summary>
    public GmmOptions Options { get; }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public (double Min, double Max) MagnitudeRange => (3.0, 8.5);

    /// <inheritdoc />
    public bool Supports(Imt imt) =>
        Bssa14CoefficientTable.Instance.IsTabulated(imt) || Bssa14CoefficientTable.Instance.Bracket(imt) is not null;

    /// <summary>Records per chunk when interpolating between two periods (scratch lives on the stack).</summary>
    private const int Chunk = 256;

    /// <inheritdoc />
    public void Compute(in GmmContext ctx, Imt imt, in GmmOutput output)
    {
        GmmInputCheck.SameLength(ctx, output);
        var table = Bssa14CoefficientTable.Instance;
        (double Lower, double Upper, double Weight)? bracket = table.IsTabulated(imt) ? null : table.Bracket(imt) ?? throw Unsupported(imt);
        Validate(ctx);
        if (bracket is null)
        {
            Bssa14Kernel.Evaluate(ctx, Row(imt), _pga, Options.StyleOfFaulting, BasinFor(imt), output);
            return;
        }

        // Untabulated SA period: ln Y, tau and phi linear in ln(T) between the bracketing periods (Boore's Fortran).
        var (lower, upper, w) = bracket.Value;
        var lo = Row(Imt.Sa(lower));
        var hi = Row(Imt.Sa(upper));
        var basinLo = BasinFor(Imt.Sa(lower));
        var basinHi = BasinFor(Imt.Sa(upper));
        Span<double> scratch = stackalloc double[4 * Chunk];
        for (var start = 0; start < ctx.Count; start += Chunk)
        {
            var n = Math.Min(Chunk, ctx.Count - start);
            var sub = new GmmContext(ctx.Mag.Slice(start, n), ctx.Rake.Slice(start, n), ctx.Rjb.Slice(start, n),
                ctx.Rrup.Slice(start, n), ctx.Vs30.Slice(start, n), ctx.Z1pt0.Slice(start, n));
            var outLo = new GmmOutput(output.LnMedian.Slice(start, n), output.Tau.Slice(start, n),
                output.Phi.Slice(start, n), output.Sigma.Slice(start, n));
            var outHi = new GmmOutput(scratch.Slice(0, n), scratch.Slice(Chunk, n), scratch.Slice(2 * Chunk, n), scratch.Slice(3 * Chunk, n));
            Bssa14Kernel.Evaluate(sub, lo, _pga, Options.StyleOfFaulting, basinLo, outLo);
            Bssa14Kernel.Evaluate(sub, hi, _pga, Options.StyleOfFaulting, basinHi, outHi);
            for (var i = 0; i < n; i++)
            {
                outLo.LnMedian[i] += (outHi.LnMedian[i] - outLo.LnMedian[i]) * w;
                var tau = outLo.Tau[i] + (outHi.Tau[i] - outLo.Tau[i]) * w;
                var phi = outLo.Phi[i] + (outHi.Phi[i] - outLo.Phi[i]) * w;
                outLo.Tau[i] = tau;
                outLo.Phi[i] = phi;
                outLo.Sigma[i] = Math.Sqrt(tau * tau + phi * phi);
            }
        }
    }

    /// <summary>
    /// A <see cref="Bssa14SiteBatch"/> (bit-identical to <see cref="Compute"/>) when every IMT is tabulated and no basin
    /// term is chosen; null otherwise (untabulated periods and basin terms stay on <see cref="Compute"/>).
    /// Vs30 must be finite and positive (<see cref="QuakeGridInputException"/> naming the site otherwise); z1.0 is unused.
    /// </summary>
    public IHazardGmmBatch? CreateHazardBatch(IReadOnlyList<Imt> imts, ReadOnlySpan<double> vs30, ReadOnlySpan<double> z1pt0) =>
        CreateSiteBatch(imts, vs30, null);

    /// <summary><see cref="CreateHazardBatch"/> with the vector width chosen (null: 8 lanes when accelerated).</summary>
    internal Bssa14SiteBatch? CreateSiteBatch(IReadOnlyList<Imt> imts, ReadOnlySpan<double> vs30, bool? wide)
    {
        ArgumentNullException.ThrowIfNull(imts);
        if (Options.Basin != BasinRegion.None) return null;
        var table = Bssa14CoefficientTable.Instance;
        var rows = new Bssa14Coefficients[imts.Count];
        for (var k = 0; k < rows.Length; k++)
        {
            if (!table.IsTabulated(imts[k])) return null;
            rows[k] = Row(imts[k]);
        }
        GmmInputCheck.Vs30(Name, vs30);
        return new Bssa14SiteBatch(this, rows, _pga, imts, vs30, wide);
    }

    private void Validate(in GmmContext ctx)
    {
        var (mMin, mMax) = MagnitudeRange;
        GmmInputCheck.Magnitudes(Name, ctx.Mag, mMin, mMax);
        if (Options.StyleOfFaulting) GmmInputCheck.Rakes(Name, ctx.Rake);
        GmmInputCheck.Distances(Name, ctx.Rjb, "rjb");
        GmmInputCheck.Vs30(Name, ctx.Vs30);
        if (Options.Basin != BasinRegion.None)
            GmmInputCheck.Z1pt0(Name, ctx.Z1pt0, Options.Basin == BasinRegion.California ? "California" : "Japan");
    }

    private BasinRegion BasinFor(Imt imt) =>
        imt.Kind == ImtKind.Sa && imt.Period >= BasinMinPeriod ? Options.Basin : BasinRegion.None;

    private QuakeGridInputException Unsupported(Imt imt) => new(Name, null, "imt",
        $"{imt} is not supported: BSSA14 defines PGA, PGV and SA for periods 0.01 to 10 s");

    private Bssa14Coefficients Row(Imt imt) =>
        _rows.GetOrAdd(imt, static (i, self) => Bssa14CoefficientTable.Instance.For(i, self.Options.Attenuation)
            ?? throw self.Unsupported(i), this);
}
