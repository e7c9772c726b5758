namespace QuakeGrid.Core.Gmm;

/// <summary>
/// One IMT row of the BSSA14 coefficient table (Boore et al. 2014, Table 2 and the electronic supplement), with the
/// Dc3 of the chosen attenuation region. Names follow the paper: e0..e6, Mh (magnitude scaling, eq. 2), c1, c2, c3, h,
/// Dc3 (path, eq. 3-4), c, Vc (linear site, eq. 6), f4, f5 (nonlinear site, eq. 7-8), f6, f7 (basin, eq. 9),
/// R1, R2, DfR, DfV, f1, f2 (phi, eq. 15-17; f1/f2 here are the phi values of the table, not the site f1 = 0),
/// tau1, tau2 (eq. 14).
/// </summary>
internal sealed class Bssa14Coefficients
{
    public double E0, E1, E2, E3, E4, E5, E6, Mh;
    public double C1, C2, C3, H, Dc3;
    public double C, Vc, F4, F5, F6, F7;
    public double R1, R2, DfR, DfV, Phi1, Phi2, Tau1, Tau2;

    /// <summary>Builds a row from the values of a table row (header names of the OpenQuake table).</summary>
    public static Bssa14Coefficients From(CoefficientTable t, double[] row, double dc3) => new()
    {
        E0 = row[t.Column("e0")], E1 = row[t.Column("e1")], E2 = row[t.Column("e2")], E3 = row[t.Column("e3")],
        E4 = row[t.Column("e4")], E5 = row[t.Column("e5")], E6 = row[t.Column("e6")], Mh = row[t.Column("Mh")],
        C1 = row[t.Column("c1")], C2 = row[t.Column("c2")], C3 = row[t.Column("c3")], H = row[t.Column("h")],
        Dc3 = dc3,
        C = row[t.Column("c")], Vc = row[t.Column("Vc")], F4 = row[t.Column("f4")], F5 = row[t.Column("f5")],
        F6 = row[t.Column("f6")], F7 = row[t.Column("f7")],
        R1 = row[t.Column("R1")], R2 = row[t.Column("R2")], DfR = row[t.Column("DfR")], DfV = row[t.Column("DfV")],
        Phi1 = row[t.Column("f1")], Phi2 = row[t.Column("f2")], Tau1 = row[t.Column("tau1")], Tau2 = row[t.Column("tau2")],
    };
}
