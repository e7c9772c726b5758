using System.Diagnostics;
using QuakeGrid.Core.Correlation;

namespace QuakeGrid.Core.Gp.Vecchia;

/// <summary>
/// Sparse inverse-Cholesky (Vecchia / NNGP) factor of a correlation kernel over a site set (Vecchia 1988; Datta et al. 2016;
/// Katzfuss &amp; Guinness 2021). In sweep order, y_i = Σ_k b_ik·y_c(k) + sqrt(d_i)·z_i, with c = N(i) the conditioning set:
/// b_i = K_cc⁻¹ K_ci and d_i = K_ii − K_icᵀ b_i from one Cholesky per site, of the augmented (m+1)×(m+1) matrix
/// (<see cref="ConditionalSolver"/>; isotropic kernels fill it with SIMD distances and correlations) (Schäfer, Katzfuss &amp; Owhadi 2021: the
/// KL-optimal factor for that sparsity). Sites are independent, so the factor is computed in parallel with thread-local
/// scratch. Storage, double precision: 8 bytes (weight) + 4 bytes (neighbour position) per slot, plus 16 bytes per site
/// (d and sqrt d): about 12·m bytes per site, 360 MB at N = 10⁶, m = 30.
/// <para>
/// Numerically dependent neighbours (duplicate sites) are handled by a semi-definite Cholesky: a pivot below 1e−10 marks
/// that neighbour redundant and its weight is 0, which is the exact conditional for a rank-deficient K_cc. A conditional
/// variance below zero from rounding is set to 0 (the site is then a copy of its neighbours).
/// </para>
/// <para>
/// Kernels that depend on the event (Bodenmann EA/EAS through the epicentral azimuth/distance): the factor is valid for
/// the <see cref="CorrelationSites"/> it was computed with, i.e. one epicentre. Reuse the <see cref="VecchiaStructure"/>
/// (geometry only) and call <see cref="Compute"/> again per epicentre; ruptures sharing an epicentre share a factor.
/// </para>
/// </summary>
public sealed class VecchiaFactor
{
    private VecchiaFactor(VecchiaStructure structure, int m, int[] nbr, double[] b, double[] d, double[] sqrtD, TimeSpan time)
    {
        Structure = structure;
        M = m;
        NeighbourPositions = nbr;
        Weights = b;
        ConditionalVariance = d;
        SqrtConditionalVariance = sqrtD;
        FactorTime = time;
    }

    public VecchiaStructure Structure { get; }
    /// <summary>Slots per position (m).</summary>
    public int M { get; }
    /// <summary>Conditioning positions, row i at i·M, <see cref="Count"/>(i) valid entries.</summary>
    public int[] NeighbourPositions { get; }
    /// <summary>Weights b_ik, aligned with <see cref="NeighbourPositions"/>.</summary>
    public double[] Weights { get; }
    /// <summary>d_i per position.</summary>
    public double[] ConditionalVariance { get; }
    public double[] SqrtConditionalVariance { get; }
    public TimeSpan FactorTime { get; }
    public int Sites => Structure.Count;

    /// <summary>Neighbours used at position <paramref name="i"/>.</summary>
    public int Count(int i) => Math.Min(i, M);

    /// <summary>Approximate bytes held by the factor arrays (excluding the structure).</summary>
    public long Bytes => (long)Weights.Length * 8 + (long)NeighbourPositions.Length * 4 + (long)ConditionalVariance.Length * 16;

    /// <summary>
    /// Computes the factor of <paramref name="kernel"/> on <paramref name="sites"/> (the sites the structure was built for, same indexing),
    /// with <paramref name="nugget"/> added to the diagonal (variance 1 + nugget).
    /// </summary>
    public static VecchiaFactor Compute(VecchiaStructure structure, CorrelationSites sites, ISpatialCorrelation kernel, double nugget = 0.0, int maxParallelism = -1) =>
        ComputeAll(structure, sites, kernel, nugget, maxParallelism, reference: false);

    /// <summary>
    /// <see cref="Compute"/>; with
    /// <paramref name="reference"/> the rows are built with the scalar kernel and solved by the row-oriented scalar
    /// semi-definite Cholesky (the implementation before the SIMD one: an oracle for tests and a baseline for benchmarks).
    /// </summary>
    internal static VecchiaFactor ComputeAll(VecchiaStructure structure, CorrelationSites sites, ISpatialCorrelation kernel, double nugget, int maxParallelism, bool reference)
    {
        ArgumentNullException.ThrowIfNull(structure);
        ArgumentNullException.ThrowIfNull(kernel);
        if (sites.Count != structure.Count) throw new ArgumentException($"site count {sites.Count} differs from the structure's {structure.Count}");
        if (!(nugget >= 0)) throw new ArgumentOutOfRangeException(nameof(nugget), nugget, "nugget must be non-negative");
        var sw = Stopwatch.StartNew();
        var n = structure.Count;
        var m = structure.Options.Neighbours;
        var stride = structure.Stride;
        var ranked = structure.Options.Rule == NeighbourRule.CorrelationRanked;
        var mixed = structure.Options.Rule == NeighbourRule.Mixed;
        var order = structure.Order;
        var iso = kernel as IsotropicCorrelation;
        var nbrOut = LargeArray.Uninitialized<int>((long)n * m);
        var bOut = LargeArray.Uninitialized<double>((long)n * m);
        // Slots beyond Count(i) (the first m rows only) are never written below: clear them.
        nbrOut.AsSpan(0, Math.Min(n, m) * m).Clear();
        bOut.AsSpan(0, Math.Min(n, m) * m).Clear();
        var d = new double[n];
        var sqrtD = new double[n];
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism }, () => new Scratch(stride, m, mixed ? n : 0), (i, _, s) =>
        {
            var cand = Math.Min(i, stride);
            var k = Math.Min(i, m);
            var candPos = structure.Neighbours.AsSpan(i * stride, cand);
            var chosen = nbrOut.AsSpan(i * m, k);
            var site = order[i];
            if (mixed)
            {
                SelectMixed(structure, sites, kernel, i, k, chosen, s);
            }
            else if (ranked && cand > k)
            {
                for (var q = 0; q < cand; q++) s.Sites[q] = order[candPos[q]];
                kernel.Row(sites, site, sites, s.Sites.AsSpan(0, cand), s.Rho.AsSpan(0, cand));
                for (var q = 0; q < cand; q++) s.Pick[q] = q;
                // Largest |rho| first; ties keep distance order (stable by candidate index).
                Array.Sort(s.Pick, 0, cand, Comparer<int>.Create((a, b) =>
                {
                    var c = Math.Abs(s.Rho[b]).CompareTo(Math.Abs(s.Rho[a]));
                    return c != 0 ? c : a.CompareTo(b);
                }));
                Array.Sort(s.Pick, 0, k);
                for (var q = 0; q < k; q++) chosen[q] = candPos[s.Pick[q]];
            }
            else
            {
                candPos[..k].CopyTo(chosen);
            }
            d[i] = ConditionalVarianceOf(order, sites, kernel, iso, reference, site, chosen, nugget, bOut.AsSpan(i * m, k), s);
            sqrtD[i] = Math.Sqrt(d[i]);
            return s;
        }, _ => { });
        return new VecchiaFactor(structure, m, nbrOut, bOut, d, sqrtD, sw.Elapsed);
    }

    /// <summary>
    /// The rows of the factor of <paramref name="kernel"/> at sweep positions <paramref name="positions"/> only, for a
    /// structure with the <see cref="NeighbourRule.Nearest"/> rule (conditioning sets = the structure's neighbour lists):
    /// weights of position <c>positions[r]</c> at <c>r·m</c> in <paramref name="weights"/> (Count(p) valid entries, the
    /// rest untouched) and sqrt(d) at r in <paramref name="sqrtD"/>. Bit-identical to the same rows of
    /// <see cref="Compute"/> (the same per-row code), at the cost of those rows only — e.g. a tile's dependency closure.
    /// </summary>
    public static void ComputeRows(VecchiaStructure structure, CorrelationSites sites, ISpatialCorrelation kernel, ReadOnlySpan<int> positions,
        double[] weights, double[] sqrtD, double nugget = 0.0, int maxParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(structure);
        ArgumentNullException.ThrowIfNull(kernel);
        if (structure.Options.Rule != NeighbourRule.Nearest)
            throw new ArgumentException("rows can be computed alone only with the nearest-neighbour rule", nameof(structure));
        if (sites.Count != structure.Count) throw new ArgumentException($"site count {sites.Count} differs from the structure's {structure.Count}");
        if (!(nugget >= 0)) throw new ArgumentOutOfRangeException(nameof(nugget), nugget, "nugget must be non-negative");
        var m = structure.Options.Neighbours;
        var stride = structure.Stride;
        if (weights.LongLength < (long)positions.Length * m || sqrtD.Length < positions.Length)
            throw new ArgumentException("output arrays shorter than positions × m and positions");
        var order = structure.Order;
        var iso = kernel as IsotropicCorrelation;
        var pos = positions.ToArray();
        Parallel.For(0, pos.Length, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism }, () => new Scratch(stride, m, 0), (r, _, s) =>
        {
            var i = pos[r];
            var k = Math.Min(i, m);
            var chosen = structure.Neighbours.AsSpan(i * stride, k);
            var d = ConditionalVarianceOf(order, sites, kernel, iso, reference: false, order[i], chosen, nugget, weights.AsSpan(r * m, k), s);
            sqrtD[r] = Math.Sqrt(d);
            return s;
        }, _ => { });
    }

    /// <summary>
    /// Weights b = K_cc⁻¹ K_ci of one site on its conditioning set <paramref name="chosen"/> (sweep positions) into
    /// <paramref name="w"/>; returns d = max(0, 1 + nugget − K_icᵀ b). The augmented matrix (neighbours, then the site) is
    /// filled in SIMD for isotropic kernels (<paramref name="iso"/>) and solved by <see cref="ConditionalSolver"/>; with
    /// <paramref name="reference"/> the scalar kernel rows and <see cref="SolveSemiDefinite"/> are used instead.
    /// </summary>
    private static double ConditionalVarianceOf(int[] order, CorrelationSites sites, ISpatialCorrelation kernel, IsotropicCorrelation? iso,
        bool reference, int site, ReadOnlySpan<int> chosen, double nugget, Span<double> w, Scratch s)
    {
        var k = chosen.Length;
        var di = 1.0 + nugget;
        if (k > 0)
        {
            // Augmented point list: the k neighbours, then the site itself.
            var pts = s.Sites.AsSpan(0, k + 1);
            for (var q = 0; q < k; q++) pts[q] = order[chosen[q]];
            pts[k] = site;
            if (reference)
            {
                di -= ReferenceRow(sites, kernel, nugget, pts, k, w, s);
            }
            else
            {
                var u = s.U.AsSpan(0, k * (k + 1) + k + 1);
                if (iso is not null) FillIsotropic(iso, sites, pts, k, nugget, u, s);
                else FillGeneral(kernel, sites, pts, k, nugget, u);
                di -= ConditionalSolver.Solve(u, k, k + 1, w);
            }
        }
        return Math.Max(0.0, di);
    }

    /// <summary>
    /// <see cref="NeighbourRule.Mixed"/>: the first A positions, then the planar neighbours, then the feature-space
    /// candidates in decreasing |rho| to the site (ties: nearer candidate first), skipping repeats, until k are chosen.
    /// </summary>
    private static void SelectMixed(VecchiaStructure structure, CorrelationSites sites, ISpatialCorrelation kernel, int i, int k, Span<int> chosen, Scratch s)
    {
        var opt = structure.Options;
        var stride = structure.Stride;
        var spatial = opt.SpatialNeighbours;
        var row = structure.Neighbours.AsSpan(i * stride, stride);
        var stamp = s.Stamp;
        var tag = i + 1;
        var q = 0;
        for (var a = Math.Min(opt.Anchors, k); q < a; q++)
        {
            chosen[q] = q;
            stamp[q] = tag;
        }
        for (var t = 0; t < Math.Min(i, spatial) && q < k; t++)
        {
            var p = row[t];
            if (stamp[p] == tag) continue;
            stamp[p] = tag;
            chosen[q++] = p;
        }
        if (q < k)
        {
            var pool = row.Slice(spatial, Math.Min(i, stride - spatial));
            var c = 0;
            foreach (var p in pool)
            {
                if (stamp[p] == tag) continue;
                s.Pick[c] = p;
                s.Sites[c++] = structure.Order[p];
            }
            kernel.Row(sites, structure.Order[i], sites, s.Sites.AsSpan(0, c), s.Rho.AsSpan(0, c));
            for (var t = 0; t < c; t++) s.Key[t] = -Math.Abs(s.Rho[t]) + t * 1e-15; // nearer first on (near-)ties
            Array.Sort(s.Key, s.Pick, 0, c);
            for (var t = 0; t < c && q < k; t++) chosen[q++] = s.Pick[t];
        }
        if (q < k) throw new InvalidOperationException($"mixed neighbour rule filled {q} of {k} neighbours at position {i}");
    }

    private sealed class Scratch(int stride, int m, int sites)
    {
        public readonly int[] Stamp = new int[sites];
        public readonly double[] Key = new double[stride];
        public readonly int[] Sites = new int[Math.Max(stride, m + 1)];
        public readonly double[] Rho = new double[stride];
        public readonly int[] Pick = new int[stride];
        public readonly double[] Kcc = new double[m * m];
        public readonly double[] Y = new double[m];
        public readonly double[] U = new double[(m + 1) * (m + 1)];
        public readonly double[] Gx = new double[m + 1];
        public readonly double[] Gy = new double[m + 1];
        public readonly double[] Gz = new double[m + 1];
    }

    /// <summary>
    /// Fills the upper triangle of the augmented matrix (points <paramref name="pts"/>: k neighbours then the site) for an
    /// isotropic kernel: coordinates gathered once, each row's distances by <see cref="SiteDistance.ArcsFrom"/> or
    /// <see cref="SiteDistance.PlanarFrom"/> and its correlations by <see cref="IsotropicCorrelation.RhoOfDistances"/>,
    /// all Vector256.
    /// </summary>
    private static void FillIsotropic(IsotropicCorrelation kernel, CorrelationSites sites, ReadOnlySpan<int> pts, int k, double nugget, Span<double> u, Scratch s)
    {
        var ld = k + 1;
        var gx = s.Gx.AsSpan(0, ld);
        var gy = s.Gy.AsSpan(0, ld);
        var gz = s.Gz.AsSpan(0, ld);
        var geodesic = kernel.Metric == DistanceMetric.Geodesic;
        if (geodesic)
        {
            var (ux, uy, uz) = sites.UnitVectors;
            for (var q = 0; q <= k; q++)
            {
                var p = pts[q];
                gx[q] = ux[p];
                gy[q] = uy[p];
                gz[q] = uz[p];
            }
        }
        else
        {
            var xs = sites.X;
            var ys = sites.Y;
            for (var q = 0; q <= k; q++)
            {
                gx[q] = xs[pts[q]];
                gy[q] = ys[pts[q]];
            }
        }
        for (var c = 0; c < k; c++)
        {
            var row = u.Slice(c * ld + c + 1, k - c);
            if (geodesic) SiteDistance.ArcsFrom(gx[c], gy[c], gz[c], gx[(c + 1)..], gy[(c + 1)..], gz[(c + 1)..], row);
            else SiteDistance.PlanarFrom(gx[c], gy[c], gx[(c + 1)..], gy[(c + 1)..], row);
            kernel.RhoOfDistances(row, row);
            u[c * ld + c] = 1.0 + nugget;
        }
    }

    /// <summary>Fills the upper triangle of the augmented matrix with <see cref="ISpatialCorrelation.Row"/>, one call per row.</summary>
    private static void FillGeneral(ISpatialCorrelation kernel, CorrelationSites sites, ReadOnlySpan<int> pts, int k, double nugget, Span<double> u)
    {
        var ld = k + 1;
        for (var c = 0; c < k; c++)
        {
            kernel.Row(sites, pts[c], sites, pts[(c + 1)..], u.Slice(c * ld + c + 1, k - c));
            u[c * ld + c] = 1.0 + nugget;
        }
    }

    /// <summary>The scalar reference row: K_cc and k_c by <see cref="ISpatialCorrelation.Row"/> from each point to the earlier ones, then <see cref="SolveSemiDefinite"/>.</summary>
    private static double ReferenceRow(CorrelationSites sites, ISpatialCorrelation kernel, double nugget, ReadOnlySpan<int> pts, int k, Span<double> w, Scratch s)
    {
        var nbSites = pts[..k];
        var kcc = s.Kcc;
        for (var r = 0; r < k; r++)
        {
            kernel.Row(sites, nbSites[r], sites, nbSites[..r], kcc.AsSpan(r * k, r));
            kcc[r * k + r] = 1.0 + nugget;
        }
        var kci = s.Rho.AsSpan(0, k);
        kernel.Row(sites, pts[k], sites, nbSites, kci);
        return SolveSemiDefinite(kcc, k, kci, w, s.Y);
    }

    /// <summary>
    /// Reference (scalar, row-oriented): factors K (k×k, lower triangle, row-major, overwritten) by a semi-definite Cholesky, solves K w = c and returns cᵀ w
    /// (the variance explained by the neighbours). Pivots ≤ 1e−10 (relative to the unit diagonal) are treated as redundant.
    /// </summary>
    private static double SolveSemiDefinite(double[] a, int k, ReadOnlySpan<double> c, Span<double> w, double[] y)
    {
        const double tiny = 1e-10;
        for (var i = 0; i < k; i++)
        {
            var ri = a.AsSpan(i * k, k);
            for (var j = 0; j <= i; j++)
            {
                var rj = a.AsSpan(j * k, k);
                var s = ri[j] - Dense.VectorMath.Dot(ri[..j], rj[..j]);
                if (j == i)
                {
                    ri[i] = s > tiny ? Math.Sqrt(s) : 0.0;
                }
                else
                {
                    ri[j] = rj[j] > 0 ? s / rj[j] : 0.0;
                }
            }
        }
        // L y = c
        for (var i = 0; i < k; i++)
        {
            var lii = a[i * k + i];
            y[i] = lii > 0 ? (c[i] - Dense.VectorMath.Dot(a.AsSpan(i * k, i), y.AsSpan(0, i))) / lii : 0.0;
        }
        double explained = 0;
        for (var i = 0; i < k; i++) explained += y[i] * y[i];
        // Lᵀ w = y
        for (var i = k - 1; i >= 0; i--)
        {
            var lii = a[i * k + i];
            if (lii > 0)
            {
                var s = y[i];
                for (var j = i + 1; j < k; j++) s -= a[j * k + i] * w[j];
                w[i] = s / lii;
            }
            else
            {
                w[i] = 0.0;
            }
        }
        return explained;
    }

    /// <summary>
    /// Log-density of one field <paramref name="fieldBySite"/> (indexed by site) under the Vecchia approximation:
    /// −½ Σ_i [ln(2π d_i) + (y_i − b_iᵀ y_c)²/d_i]. Requires every d_i &gt; 0 (use a nugget for duplicate sites).
    /// </summary>
    public double LogLikelihood(ReadOnlySpan<double> fieldBySite)
    {
        if (fieldBySite.Length != Sites) throw new ArgumentException("field length differs from site count");
        var order = Structure.Order;
        double s = 0;
        for (var i = 0; i < Sites; i++)
        {
            var k = Count(i);
            var mean = 0.0;
            for (var q = 0; q < k; q++) mean += Weights[i * M + q] * fieldBySite[order[NeighbourPositions[i * M + q]]];
            var r = fieldBySite[order[i]] - mean;
            if (!(ConditionalVariance[i] > 0)) throw new InvalidOperationException($"conditional variance at site {order[i]} is zero (duplicate site); add a nugget");
            s += Math.Log(2 * Math.PI * ConditionalVariance[i]) + r * r / ConditionalVariance[i];
        }
        return -0.5 * s;
    }
}
