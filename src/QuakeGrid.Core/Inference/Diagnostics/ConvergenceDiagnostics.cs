using MathNet.Numerics.Distributions;

namespace QuakeGrid.Core.Inference.Diagnostics;

/// <summary>
/// Rank-normalised split R-hat and bulk/tail effective sample sizes of Vehtari, Gelman, Simpson, Carpenter &amp;
/// Bürkner (2021, Bayesian Analysis 16(2)), following the reference implementation's definitions
/// (R package <c>posterior</c>): chains are split in halves; ranks are normal-scored with (r − 3/8)/(S + 1/4);
/// R-hat = max(R̂ of ranks, R̂ of ranks of |x − median|); ESS uses Geyer's initial monotone sequence.
/// Input is [chain][draw] with equal chain lengths.
/// </summary>
public static class ConvergenceDiagnostics
{
    /// <summary>Rank-normalised split R-hat (NaN for constant input).</summary>
    public static double Rhat(double[][] x)
    {
        var split = Split(x);
        var median = Quantile(Flatten(x), 0.5);
        var folded = split.Select(c => c.Select(v => Math.Abs(v - median)).ToArray()).ToArray();
        var r1 = RhatBasic(ZScale(split));
        var r2 = RhatBasic(ZScale(folded));
        return Math.Max(r1, r2);
    }

    /// <summary>Bulk effective sample size: ESS of the rank-normalised split chains.</summary>
    public static double EssBulk(double[][] x) => EssBasic(ZScale(Split(x)));

    /// <summary>Tail effective sample size: the smaller ESS of the indicators x ≤ q05 and x ≤ q95.</summary>
    public static double EssTail(double[][] x)
    {
        var all = Flatten(x);
        var q05 = Quantile(all, 0.05);
        var q95 = Quantile(all, 0.95);
        var i05 = Split(x.Select(c => c.Select(v => v <= q05 ? 1.0 : 0.0).ToArray()).ToArray());
        var i95 = Split(x.Select(c => c.Select(v => v <= q95 ? 1.0 : 0.0).ToArray()).ToArray());
        return Math.Min(EssBasic(i05), EssBasic(i95));
    }

    /// <summary>Classic (non-rank) R-hat of equal-length chains: sqrt(((n−1)/n·W + B/n)/W).</summary>
    public static double RhatBasic(double[][] chains)
    {
        var m = chains.Length;
        var n = chains[0].Length;
        if (n < 2) return double.NaN;
        var means = chains.Select(c => c.Average()).ToArray();
        var vars = chains.Select((c, i) => c.Sum(v => (v - means[i]) * (v - means[i])) / (n - 1)).ToArray();
        var w = vars.Average();
        var grand = means.Average();
        var b = m > 1 ? n * means.Sum(mu => (mu - grand) * (mu - grand)) / (m - 1) : 0.0;
        if (!(w > 0)) return double.NaN;
        var varPlus = (n - 1.0) / n * w + b / n;
        return Math.Sqrt(varPlus / w);
    }

    /// <summary>ESS of equal-length chains with Geyer's initial monotone sequence (no splitting or ranking).</summary>
    public static double EssBasic(double[][] chains)
    {
        var m = chains.Length;
        var n = chains[0].Length;
        if (n < 4) return double.NaN;
        var acov = new double[m][];
        var chainMean = new double[m];
        var chainVar = new double[m];
        for (var c = 0; c < m; c++)
        {
            acov[c] = Autocovariance(chains[c]);
            chainMean[c] = chains[c].Average();
            chainVar[c] = acov[c][0] * n / (n - 1.0);
        }
        var meanVar = chainVar.Average();
        var varPlus = meanVar * (n - 1.0) / n;
        if (m > 1)
        {
            var gm = chainMean.Average();
            varPlus += chainMean.Sum(v => (v - gm) * (v - gm)) / (m - 1);
        }
        if (!(varPlus > 0)) return double.NaN;
        double MeanAcov(int lag) { var s = 0.0; for (var c = 0; c < m; c++) s += acov[c][lag]; return s / m; }

        var rho = new double[n];
        var t = 0;
        var rhoEven = 1.0;
        rho[0] = rhoEven;
        var rhoOdd = 1 - (meanVar - MeanAcov(1)) / varPlus;
        rho[1] = rhoOdd;
        while (t < n - 5 && !double.IsNaN(rhoEven + rhoOdd) && rhoEven + rhoOdd > 0)
        {
            t += 2;
            rhoEven = 1 - (meanVar - MeanAcov(t)) / varPlus;
            rhoOdd = 1 - (meanVar - MeanAcov(t + 1)) / varPlus;
            if (rhoEven + rhoOdd >= 0) { rho[t] = rhoEven; rho[t + 1] = rhoOdd; }
        }
        var maxT = t;
        if (rhoEven > 0) rho[maxT] = rhoEven;
        t = 0;
        while (t <= maxT - 4)
        {
            t += 2;
            if (rho[t] + rho[t + 1] > rho[t - 2] + rho[t - 1])
            {
                rho[t] = (rho[t - 2] + rho[t - 1]) / 2;
                rho[t + 1] = rho[t];
            }
        }
        var ess = (double)m * n;
        var sum = 0.0;
        for (var k = 0; k < maxT; k++) sum += rho[k];
        var tau = -1 + 2 * sum + rho[maxT];
        tau = Math.Max(tau, 1 / Math.Log10(ess));
        return ess / tau;
    }

    /// <summary>Sample quantile, type 7 (linear interpolation of order statistics), as R's default.</summary>
    public static double Quantile(double[] values, double p)
    {
        var s = (double[])values.Clone();
        Array.Sort(s);
        return QuantileSorted(s, p);
    }

    /// <summary>Type-7 quantile of an already sorted array.</summary>
    public static double QuantileSorted(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double[] Autocovariance(double[] x)
    {
        // Biased estimator (divide by n), direct O(n·L) with early exit not needed at n ≤ a few thousand.
        var n = x.Length;
        var mean = x.Average();
        var y = x.Select(v => v - mean).ToArray();
        var ac = new double[n];
        for (var lag = 0; lag < n; lag++)
        {
            var s = 0.0;
            for (var i = 0; i + lag < n; i++) s += y[i] * y[i + lag];
            ac[lag] = s / n;
        }
        return ac;
    }

    private static double[][] Split(double[][] x)
    {
        var n = x[0].Length;
        if (x.Any(c => c.Length != n)) throw new ArgumentException("chains must have equal length");
        var half = n / 2;
        var res = new List<double[]>();
        foreach (var c in x)
        {
            res.Add(c[..half]);
            res.Add(c[(n - half)..]);
        }
        return res.ToArray();
    }

    private static double[] Flatten(double[][] x) => x.SelectMany(c => c).ToArray();

    private static double[][] ZScale(double[][] x)
    {
        var all = Flatten(x);
        var s = all.Length;
        var idx = Enumerable.Range(0, s).ToArray();
        Array.Sort(all.ToArray(), idx);
        var ranks = new double[s];
        // Average ranks for ties.
        var i = 0;
        var sortedVals = idx.Select(k => all[k]).ToArray();
        while (i < s)
        {
            var j = i;
            while (j + 1 < s && sortedVals[j + 1] == sortedVals[i]) j++;
            var r = 0.5 * (i + j) + 1;
            for (var k = i; k <= j; k++) ranks[idx[k]] = r;
            i = j + 1;
        }
        var z = ranks.Select(r => Normal.InvCDF(0, 1, (r - 0.375) / (s + 0.25))).ToArray();
        var res = new double[x.Length][];
        var p = 0;
        for (var c = 0; c < x.Length; c++) { res[c] = z[p..(p + x[c].Length)]; p += x[c].Length; }
        return res;
    }
}
