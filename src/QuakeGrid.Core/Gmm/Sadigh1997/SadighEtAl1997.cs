using System.Collections.Concurrent;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.Gmm;

/// <summary>
/// Sadigh, Chang, Egan, Makdisi &amp; Youngs (1997), "Attenuation relationships for shallow crustal earthquakes based
/// on California strong motion data", Seismological Research Letters 68(1), 180-189; OpenQuake <c>SadighEtAl1997</c>,
/// the GMM of the PEER PSHA verification tests. Uses Rrup (km), magnitude, rake and Vs30.
/// <para>
/// Rock (Table 2; coefficients for M &lt;= 6.5 and M &gt; 6.5):
/// ln y = c1 + c2 M + c3 (8.5 - M)^2.5 + c4 ln(Rrup + exp(c5 + c6 M)) + c7 ln(Rrup + 2), plus ln 1.2 for reverse
/// ruptures (45 &lt;= rake &lt;= 135). Sigma (Table 3): sigma0 + magfactor M, or maxsigma for M &gt; maxmag (7.21).
/// </para>
/// <para>
/// Deep soil (Table 4): ln y = c1 + c2 M + c6 + c7 (8.5 - M)^2.5 - c3 ln(Rrup + c4 exp(c5 M)) with c1 = -2.17
/// (strike-slip/normal) or -1.92 (reverse), c6 = c6ss or c6r, c2 = 1, c3 = 1.7, (c4, c5) = (2.1863, 0.32) for
/// M &lt;= 6.5 and (0.3825, 0.5882) above. Sigma: sigma0 + magfactor min(M, 7).
/// </para>
/// <para>
/// Site class: rock when Vs30 &gt; 750 m/s, deep soil otherwise (OpenQuake), unless forced by
/// <see cref="GmmOptions.SadighSite"/>. The model publishes only the total standard deviation: <see cref="GmmOutput.Tau"/>
/// and <see cref="GmmOutput.Phi"/> are set to NaN (undefined), never to a made-up split.
/// Stated magnitude range: 4 to 8.5 (the paper's data span M 3.8-7.4 and it is stated for M 4 to 8+; 8.5 is where
/// (8.5 - M)^2.5 stops being defined). IMTs: PGA and the SA periods of the tables (rock 0.07-4 s, soil 0.075-4 s;
/// with site class by Vs30 a record whose class lacks the period is an error naming the record). Units: g, natural logs.
/// </para>
/// </summary>
public sealed class SadighEtAl1997 : IGroundMotionModel
{
    /// <summary>Vs30 above which a site is rock, m/s.</summary>
    public const double RockVs30 = 750.0;
    /// <summary>Magnitude separating the two rock coefficient sets and the two soil (c4, c5) pairs.</summary>
    public const double NearFieldSaturationMag = 6.5;

    private const double Ln12 = 0.1823215567939546; // ln(1.2)
    private const double SoilC1ss = -2.17, SoilC1r = -1.92, SoilC2 = 1.0, SoilC3 = 1.7;
    private const double SoilC4Low = 2.1863, SoilC5Low = 0.32, SoilC4High = 0.3825, SoilC5High = 0.5882;

    private readonly ConcurrentDictionary<Imt, SadighCoefficients> _rows = new();

    public SadighEtAl1997(GmmOptions? options = null)
    {
        Options = options ?? GmmOptions.Default;
        if (Options.Basin != BasinRegion.None) throw new ArgumentException("SadighEtAl1997 has no basin term (Basin must be None)");
        if (Options.Attenuation != AttenuationRegion.Global) throw new ArgumentException("SadighEtAl1997 has no regional attenuation (Attenuation must be Global)");
        if (!Options.StyleOfFaulting) throw new ArgumentException("SadighEtAl1997 has no unspecified style of faulting: it needs the rake (StyleOfFaulting must be true)");
        if (!Enum.IsDefined(Options.SadighSite)) throw new ArgumentException($"unknown Sadigh site class {Options.SadighSite}");
    }

    /// <summary>The options this instance was built with.</summary>
    public GmmOptions Options { get; }

    /// <inheritdoc />
    public string Name => "SadighEtAl1997";

    /// <inheritdoc />
    public (double Min, double Max) MagnitudeRange => (4.0, 8.5);

    /// <inheritdoc />
    public bool Supports(Imt imt) => IsComplete(_rows.GetOrAdd(imt, SadighCoefficients.For));

    /// <inheritdoc />
    public void Compute(in GmmContext ctx, Imt imt, in GmmOutput output)
    {
        GmmInputCheck.SameLength(ctx, output);
        var c = _rows.GetOrAdd(imt, SadighCoefficients.For);
        if (!IsComplete(c))
            throw new QuakeGridInputException(Name, null, "imt", $"{imt} is not supported: Sadigh et al. (1997) defines PGA and "
                + "SA at 0.07 (rock only), 0.075 (soil only), 0.1, 0.2, 0.3, 0.4, 0.5, 0.75, 1, 1.5, 2, 3 and 4 s");
        GmmInputCheck.Magnitudes(Name, ctx.Mag, MagnitudeRange.Min, MagnitudeRange.Max);
        GmmInputCheck.Rakes(Name, ctx.Rake);
        GmmInputCheck.Distances(Name, ctx.Rrup, "rrup");
        GmmInputCheck.Vs30(Name, ctx.Vs30);
        if (Options.SadighSite == SadighSiteClass.ByVs30 && (c.RockLow is null || c.Soil is null))
        {
            for (var i = 0; i < ctx.Count; i++)
                if ((ctx.Vs30[i] > RockVs30) == (c.RockLow is null))
                    throw new QuakeGridInputException(Name, $"record {i}", "vs30", $"Vs30 {ctx.Vs30[i]} m/s makes this a "
                        + (c.RockLow is null ? "rock" : "deep-soil") + $" site, but {imt} is only defined for "
                        + (c.RockLow is null ? "deep soil" : "rock") + " sites in Sadigh et al. (1997)");
        }

        var mag = ctx.Mag;
        var rake = ctx.Rake;
        var rrup = ctx.Rrup;
        var vs30 = ctx.Vs30;
        for (var i = 0; i < output.Count; i++)
        {
            var m = mag[i];
            var reverse = rake[i] >= 45.0 && rake[i] <= 135.0;
            var rock = Options.SadighSite switch
            {
                SadighSiteClass.Rock => true,
                SadighSiteClass.Soil => false,
                _ => vs30[i] > RockVs30,
            };
            double lnY, sigma;
            if (rock)
            {
                var r = m <= NearFieldSaturationMag ? c.RockLow! : c.RockHigh!;
                lnY = r.C1 + r.C2 * m + r.C3 * Math.Pow(8.5 - m, 2.5) + r.C4 * Math.Log(rrup[i] + Math.Exp(r.C5 + r.C6 * m))
                    + r.C7 * Math.Log(rrup[i] + 2.0);
                if (reverse) lnY += Ln12;
                var s = c.RockSigma!;
                sigma = m > s.MaxMag ? s.MaxSigma : s.Sigma0 + s.MagFactor * m;
            }
            else
            {
                var s = c.Soil!;
                double c4, c5;
                if (m <= NearFieldSaturationMag) { c4 = SoilC4Low; c5 = SoilC5Low; }
                else { c4 = SoilC4High; c5 = SoilC5High; }
                lnY = (reverse ? SoilC1r : SoilC1ss) + SoilC2 * m + (reverse ? s.C6r : s.C6ss) + s.C7 * Math.Pow(8.5 - m, 2.5)
                    - SoilC3 * Math.Log(rrup[i] + c4 * Math.Exp(c5 * m));
                sigma = s.Sigma0 + s.MagFactor * Math.Min(m, s.MaxMag);
            }
            output.LnMedian[i] = lnY;
            output.Tau[i] = double.NaN;
            output.Phi[i] = double.NaN;
            output.Sigma[i] = sigma;
        }
    }

    private bool IsComplete(SadighCoefficients c) => Options.SadighSite switch
    {
        SadighSiteClass.Rock => c.RockLow is not null,
        SadighSiteClass.Soil => c.Soil is not null,
        _ => c.RockLow is not null || c.Soil is not null,
    };
}
