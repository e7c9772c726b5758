using QuakeGrid.Core.Correlation;

namespace QuakeGrid.Core.Gp.Dense;

/// <summary>Dense correlation matrices from a kernel, row-major.</summary>
public static class DenseCorrelationMatrix
{
    /// <summary>R[i, j] = rho(i, j) over all sites (n×n, both triangles), plus <paramref name="nugget"/> on the diagonal.</summary>
    public static double[] Build(CorrelationSites sites, ISpatialCorrelation kernel, double nugget = 0.0)
    {
        var n = sites.Count;
        var r = new double[(long)n * n];
        var all = Enumerable.Range(0, n).ToArray();
        Parallel.For(0, n, i =>
        {
            kernel.Row(sites, i, sites, all.AsSpan(0, i + 1), r.AsSpan(i * n, i + 1));
            r[i * n + i] = 1.0 + nugget;
        });
        for (var i = 0; i < n; i++)
            for (var j = 0; j < i; j++) r[j * n + i] = r[i * n + j];
        return r;
    }

    /// <summary>Cross matrix R[i, j] = rho(a_i, b_j), row-major |a|×|b|.</summary>
    public static double[] Cross(CorrelationSites a, CorrelationSites b, ISpatialCorrelation kernel)
    {
        var all = Enumerable.Range(0, b.Count).ToArray();
        var r = new double[(long)a.Count * b.Count];
        Parallel.For(0, a.Count, i => kernel.Row(a, i, b, all, r.AsSpan(i * b.Count, b.Count)));
        return r;
    }
}
