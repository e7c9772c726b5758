using QuakeGrid.Core.Inference.Data;
using QuakeGrid.Core.Inference.Likelihood;
using QuakeGrid.Core.IO.Residuals;
using QuakeGrid.Core.Random;

namespace QuakeGrid.Core.Tests.Inference;

/// <summary>Shared helpers: the real NGA-West2 subset and an independent (MathNet) evaluation of the model.</summary>
internal static class InferenceTestData
{
    public static string SubsetPath => Path.Combine(AppContext.BaseDirectory, "data", "inference", "ngawest2_T100_subset.csv");

    public static ResidualTable Subset() => ResidualTableReader.Read(SubsetPath);

    /// <summary>The paper's kernels written directly from the formulas with natural parameters (test oracle).</summary>
    public static double Rho(CorrelationModelKind kind, KernelParameters p, double ri, double ti, double vi, double rj, double tj, double vj)
    {
        var dE = Math.Sqrt(Math.Max(0, ri * ri + rj * rj - 2 * ri * rj * Math.Cos(ti - tj)));
        var dA = Math.Acos(Math.Clamp(Math.Cos(ti - tj), -1, 1)) * 180 / Math.PI;
        var dS = Math.Abs(vi - vj);
        var rhoE = Math.Exp(-Math.Pow(dE / p.LE, p.GammaE));
        if (kind == CorrelationModelKind.E) return rhoE;
        var rhoA = (1 + dA / p.LA) * Math.Pow(1 - dA / 180, 180 / p.LA);
        if (kind == CorrelationModelKind.EA) return rhoE * rhoA;
        var rhoS = Math.Exp(-dS / p.LS);
        return rhoE * (p.W * rhoA + (1 - p.W) * rhoS);
    }

    /// <summary>Log-density of one event by MathNet's dense Cholesky, K built by <see cref="Rho"/>.</summary>
    public static double MathNetEventLogLik(CorrelationModelKind kind, KernelParameters p, EventResiduals ev, double nugget = 1e-6)
    {
        var n = ev.Count;
        var k = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(n, n, (i, j) =>
            i == j ? 1 + nugget : Rho(kind, p, ev.EpiDistKm[i], ev.EpiAzimuthRad[i], ev.Vs30[i], ev.EpiDistKm[j], ev.EpiAzimuthRad[j], ev.Vs30[j]));
        var chol = k.Cholesky();
        var z = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(ev.Z);
        var alpha = chol.Solve(z);
        return -0.5 * (z.DotProduct(alpha) + chol.DeterminantLn + n * Math.Log(2 * Math.PI));
    }

    /// <summary>
    /// Synthetic pooled data: <paramref name="events"/> events of <paramref name="size"/> stations at epicentral distances
    /// U(1, 120) km, azimuths U(−π, π), Vs30 U(180, 760) m/s, residuals drawn from N(0, K + 1e-6 I) by MathNet Cholesky.
    /// </summary>
    public static PooledResidualData Simulate(CorrelationModelKind kind, KernelParameters truth, int events, int size, ulong seed)
    {
        var list = new List<(long, double[], double[], double[], double[])>();
        for (var e = 0; e < events; e++)
        {
            var rng = Xoshiro256StarStar.ForStream(seed, e, "synthetic-residuals");
            var r = new double[size]; var t = new double[size]; var v = new double[size];
            for (var i = 0; i < size; i++)
            {
                r[i] = 1 + 119 * rng.NextDouble();
                t[i] = Math.PI * (2 * rng.NextDouble() - 1);
                v[i] = 180 + 580 * rng.NextDouble();
            }
            var k = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(size, size, (i, j) =>
                i == j ? 1 + 1e-6 : Rho(kind, truth, r[i], t[i], v[i], r[j], t[j], v[j]));
            var l = k.Cholesky().Factor;
            var eps = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(size, _ => rng.NextStandardNormal());
            list.Add((1000 + e, (l * eps).ToArray(), r, t, v));
        }
        return PooledResidualData.FromEvents(list);
    }
}
