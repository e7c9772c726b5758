using QuakeGrid.Core.Imts;

namespace QuakeGrid.Core.Gmm;

/// <summary>
/// Sadigh et al. (1997) coefficients of one IMT, from the embedded OpenQuake tables: rock Table 2 (M &lt;= 6.5 and
/// M &gt; 6.5 sets: c1..c7), rock standard error Table 3 (sigma0, magfactor, maxsigma, maxmag) and deep-soil Table 4
/// (c6ss, c6r, c7, sigma0, magfactor, maxmag). A rock or soil part is null when that table lacks the period.
/// The rock standard-error table lists 1.0 s and 4.0 s but not 1.5, 2 and 3 s; those rows are interpolated in ln(T)
/// as OpenQuake's <c>CoeffsTable</c> does (both bracketing rows are identical, so the values are those of 1 s).
/// </summary>
internal sealed class SadighCoefficients
{
    public RockRow? RockLow, RockHigh;
    public RockSigmaRow? RockSigma;
    public SoilRow? Soil;

    internal sealed record RockRow(double C1, double C2, double C3, double C4, double C5, double C6, double C7);
    internal sealed record RockSigmaRow(double Sigma0, double MagFactor, double MaxSigma, double MaxMag);
    internal sealed record SoilRow(double C6ss, double C6r, double C7, double Sigma0, double MagFactor, double MaxMag);

    private static readonly Lazy<(CoefficientTable Low, CoefficientTable High, CoefficientTable Sigma, CoefficientTable Soil)> Tables = new(() => (
        CoefficientTable.LoadEmbedded("SADIGH97_SadighEtAl1997_COEFFS_ROCK_LOWMAG.txt"),
        CoefficientTable.LoadEmbedded("SADIGH97_SadighEtAl1997_COEFFS_ROCK_HIMAG.txt"),
        CoefficientTable.LoadEmbedded("SADIGH97_SadighEtAl1997_COEFFS_ROCK_STDDERR.txt"),
        CoefficientTable.LoadEmbedded("SADIGH97_SadighEtAl1997_COEFFS_SOIL.txt")));

    /// <summary>Rows for an IMT; rock rows only for periods of Table 2, soil only for periods of Table 4.</summary>
    public static SadighCoefficients For(Imt imt)
    {
        var t = Tables.Value;
        var result = new SadighCoefficients();
        if (imt.Kind == ImtKind.Pgv) return result;
        if (t.Low.IndexOf(imt) >= 0 && t.High.IndexOf(imt) >= 0)
        {
            result.RockLow = Rock(t.Low, t.Low.Rows[t.Low.IndexOf(imt)]);
            result.RockHigh = Rock(t.High, t.High.Rows[t.High.IndexOf(imt)]);
            var s = t.Sigma.RowFor(imt) ?? throw new InvalidDataException($"{t.Sigma.Name} has no row for {imt}");
            result.RockSigma = new RockSigmaRow(s[t.Sigma.Column("sigma0")], s[t.Sigma.Column("magfactor")],
                s[t.Sigma.Column("maxsigma")], s[t.Sigma.Column("maxmag")]);
        }
        var k = t.Soil.IndexOf(imt);
        if (k >= 0)
        {
            var s = t.Soil.Rows[k];
            result.Soil = new SoilRow(s[t.Soil.Column("c6ss")], s[t.Soil.Column("c6r")], s[t.Soil.Column("c7")],
                s[t.Soil.Column("sigma0")], s[t.Soil.Column("magfactor")], s[t.Soil.Column("maxmag")]);
        }
        return result;
    }

    private static RockRow Rock(CoefficientTable t, double[] r) => new(r[t.Column("c1")], r[t.Column("c2")],
        r[t.Column("c3")], r[t.Column("c4")], r[t.Column("c5")], r[t.Column("c6")], r[t.Column("c7")]);
}
