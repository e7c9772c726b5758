namespace QuakeGrid.Core.Gmm;

/// <summary>
/// The BSSA14 coefficients for PGV, PGA and the 105 SA periods 0.01-10 s, loaded once from the embedded OpenQuake
/// tables: all coefficients from <c>BSSA14_BooreEtAl2014_COEFFS.txt</c> (Dc3 = 0), and only the Dc3 column from the
/// HighQ (China/Turkey) and LowQ (Italy/Japan) tables, so the three regions differ by Dc3 alone. (OpenQuake's LowQ
/// table carries f6/f7 rounded to three decimals; the full-precision values of the main table are used here.)
/// <para>
/// Only tabulated IMTs have coefficients; <see cref="Bracket"/> gives the two tabulated SA periods around an
/// untabulated one, for <see cref="BooreEtAl2014"/>'s interpolation of the predictions.
/// </para>
/// </summary>
internal sealed class Bssa14CoefficientTable
{
    private static readonly Lazy<Bssa14CoefficientTable> Lazy = new(Load);

    private readonly CoefficientTable _global;
    private readonly CoefficientTable[] _regional; // indexed by AttenuationRegion

    private Bssa14CoefficientTable(CoefficientTable global, CoefficientTable[] regional)
    {
        _global = global;
        _regional = regional;
    }

    public static Bssa14CoefficientTable Instance => Lazy.Value;

    /// <summary>Coefficients for a tabulated IMT and attenuation region, or null when the IMT is not tabulated.</summary>
    public Bssa14Coefficients? For(Imts.Imt imt, AttenuationRegion region)
    {
        var k = _global.IndexOf(imt);
        if (k < 0) return null;
        var regional = _regional[(int)region];
        var kr = regional.IndexOf(imt);
        if (kr < 0) throw new InvalidDataException($"{regional.Name} has no row for {imt}");
        return Bssa14Coefficients.From(_global, _global.Rows[k], regional.Rows[kr][regional.Column("Dc3")]);
    }

    /// <summary>
    /// For an SA period strictly between two tabulated SA periods: the shorter and longer tabulated periods (s) and
    /// the weight w = ln(T/T_lo)/ln(T_hi/T_lo); null for tabulated periods, PGA/PGV and periods outside 0.01-10 s.
    /// </summary>
    public (double Lower, double Upper, double Weight)? Bracket(Imts.Imt imt)
    {
        if (imt.Kind != Imts.ImtKind.Sa || IsTabulated(imt)) return null;
        double lo = double.NaN, hi = double.NaN;
        foreach (var t in _global.Imts)
        {
            if (t.Kind != Imts.ImtKind.Sa) continue;
            if (t.Period < imt.Period && !(t.Period <= lo)) lo = t.Period;
            if (t.Period > imt.Period && !(t.Period >= hi)) hi = t.Period;
        }
        if (double.IsNaN(lo) || double.IsNaN(hi)) return null;
        return (lo, hi, Math.Log(imt.Period / lo) / Math.Log(hi / lo));
    }

    /// <summary>True when the IMT is a verbatim row of the table (no interpolation).</summary>
    public bool IsTabulated(Imts.Imt imt) => _global.IndexOf(imt) >= 0;

    private static Bssa14CoefficientTable Load()
    {
        var global = CoefficientTable.LoadEmbedded("BSSA14_BooreEtAl2014_COEFFS.txt");
        var regional = new CoefficientTable[3];
        regional[(int)AttenuationRegion.Global] = global;
        regional[(int)AttenuationRegion.ChinaTurkey] = CoefficientTable.LoadEmbedded("BSSA14_BooreEtAl2014HighQ_COEFFS.txt");
        regional[(int)AttenuationRegion.ItalyJapan] = CoefficientTable.LoadEmbedded("BSSA14_BooreEtAl2014LowQ_COEFFS.txt");
        return new Bssa14CoefficientTable(global, regional);
    }
}
