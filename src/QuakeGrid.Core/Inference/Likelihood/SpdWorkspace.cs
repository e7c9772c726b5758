using QuakeGrid.Core.Gp.Dense;

namespace QuakeGrid.Core.Inference.Likelihood;

/// <summary>
/// Reusable buffers and dense kernels for one symmetric positive-definite matrix of size up to
/// <see cref="Capacity"/>: in-place Cholesky K = L Lᵀ (row-oriented, SIMD dot products), triangular solves, and the
/// inverse K⁻¹ = L⁻ᵀ L⁻¹ needed for the trace term of the likelihood gradient. Row-major, stride n.
/// Matrices of size ≥ <see cref="BlockedThreshold"/> are factored by the shared blocked SIMD
/// <see cref="DenseCholesky"/>; the explicit inverse (not offered there) is built here in the same buffers.
/// Cost n³/6 (factor) + n³/3 (inverse) multiply-adds.
/// </summary>
public sealed class SpdWorkspace
{
    /// <summary>Allocates buffers for matrices of size up to <paramref name="capacity"/>.</summary>
    public SpdWorkspace(int capacity)
    {
        Capacity = capacity;
        Matrix = new double[capacity * capacity];
        Inverse = new double[capacity * capacity];
        Vector = new double[capacity];
        Row = new double[capacity];
        if (capacity >= BlockedThreshold) Solver = new SerialSpdSolver(capacity);
    }

    /// <summary>Blocked serial kernels (factor and inverse) used for n ≥ <see cref="BlockedThreshold"/>; null below.</summary>
    public SerialSpdSolver? Solver { get; }

    /// <summary>
    /// Size from which the blocked kernels of <see cref="SerialSpdSolver"/> are used by <see cref="FactorBlocked"/> and
    /// <see cref="InvertBlocked"/>; smaller matrices use the unblocked row-oriented code, which is faster there.
    /// </summary>
    public const int BlockedThreshold = 48;

    /// <summary>Size from which <see cref="Factor"/> uses the shared parallel blocked <see cref="DenseCholesky"/>.</summary>
    public const int SharedCholeskyThreshold = 96;

    /// <summary>Maximum n.</summary>
    public int Capacity { get; }
    /// <summary>Matrix buffer: the caller fills the lower triangle (row-major, stride n); factored in place to L.</summary>
    public double[] Matrix { get; }
    /// <summary>After <see cref="InvertFromFactor"/>: lower triangle of K⁻¹ (stride n).</summary>
    public double[] Inverse { get; }
    /// <summary>Right-hand side / solution vector.</summary>
    public double[] Vector { get; }
    private double[] Row { get; }
    private double[] _derivatives = Array.Empty<double>();

    /// <summary>Scratch buffer of at least <paramref name="length"/> doubles for kernel derivatives (grown on demand).</summary>
    public double[] Derivatives(int length)
    {
        if (_derivatives.Length < length) _derivatives = new double[length];
        return _derivatives;
    }

    /// <summary>
    /// Factors the lower triangle of <see cref="Matrix"/> (size n) in place: L with K = L Lᵀ.
    /// Returns ln det K, or NaN if K is not numerically positive definite.
    /// </summary>
    public double Factor(int n)
    {
        if (n >= SharedCholeskyThreshold)
        {
            try { DenseCholesky.FactorInPlace(Matrix, n, maxParallelism: 1); }
            catch (InvalidOperationException) { return double.NaN; }
            return DenseCholesky.LogDeterminant(Matrix, n);
        }
        return FactorUnblocked(n);
    }

    private double FactorUnblocked(int n)
    {
        var a = Matrix.AsSpan(0, n * n);
        var logDet = 0.0;
        for (var i = 0; i < n; i++)
        {
            var ri = a.Slice(i * n, i + 1);
            for (var j = 0; j < i; j++)
            {
                var rj = a.Slice(j * n, j + 1);
                var s = ri[j] - VectorMath.Dot(ri[..j], rj[..j]);
                ri[j] = s / rj[j];
            }
            var dd = ri[i] - VectorMath.Dot(ri[..i], ri[..i]);
            if (!(dd > 0)) return double.NaN;
            var l = Math.Sqrt(dd);
            ri[i] = l;
            logDet += 2 * Math.Log(l);
        }
        return logDet;
    }

    /// <summary>
    /// As <see cref="Factor"/>, but for n ≥ <see cref="BlockedThreshold"/> with the serial blocked
    /// <see cref="SerialSpdSolver.TryFactor"/> (no allocation, no fork/join).
    /// </summary>
    public double FactorBlocked(int n)
    {
        if (n < BlockedThreshold || Solver is null) return FactorUnblocked(n);
        return Solver.TryFactor(Matrix, n) ? SerialSpdSolver.LogDeterminant(Matrix, n) : double.NaN;
    }

    /// <summary>
    /// Lower triangle of K⁻¹ into <see cref="Inverse"/> from the factor in <see cref="Matrix"/>: blocked
    /// (<see cref="SerialSpdSolver.InverseFromFactor"/>, factor kept) for n ≥ <see cref="BlockedThreshold"/>, else
    /// <see cref="InvertFromFactor"/> (factor overwritten by L⁻¹).
    /// </summary>
    public void InvertBlocked(int n)
    {
        if (n < BlockedThreshold || Solver is null) InvertFromFactor(n);
        else Solver.InverseFromFactor(Matrix, n, Inverse);
    }

    /// <summary>Solves K x = b in place in <see cref="Vector"/> (size n) using the factor.</summary>
    public void Solve(int n)
    {
        var a = Matrix.AsSpan(0, n * n);
        var x = Vector.AsSpan(0, n);
        for (var i = 0; i < n; i++)
        {
            var ri = a.Slice(i * n, i + 1);
            x[i] = (x[i] - VectorMath.Dot(ri[..i], x[..i])) / ri[i];
        }
        for (var i = n - 1; i >= 0; i--)
        {
            var s = x[i];
            for (var k = i + 1; k < n; k++) s -= a[k * n + i] * x[k];
            x[i] = s / a[i * n + i];
        }
    }

    /// <summary>
    /// Solves only L y = b in place in <see cref="Vector"/>; returns yᵀy = bᵀK⁻¹b (the quadratic form).
    /// </summary>
    public double ForwardQuadratic(int n)
    {
        var a = Matrix.AsSpan(0, n * n);
        var x = Vector.AsSpan(0, n);
        var q = 0.0;
        for (var i = 0; i < n; i++)
        {
            var ri = a.Slice(i * n, i + 1);
            x[i] = (x[i] - VectorMath.Dot(ri[..i], x[..i])) / ri[i];
            q += x[i] * x[i];
        }
        return q;
    }

    /// <summary>
    /// From the factor in <see cref="Matrix"/>, overwrites it with M = L⁻¹ (lower) and writes the lower triangle of
    /// K⁻¹ = Mᵀ M into <see cref="Inverse"/>. Rows of M are built by axpy updates, K⁻¹ by rank-one row updates.
    /// </summary>
    public void InvertFromFactor(int n)
    {
        var a = Matrix.AsSpan(0, n * n);
        var row = Row.AsSpan(0, n);
        // M = L⁻¹: M[i, j] = −(Σ_{k=j}^{i−1} L[i,k] M[k,j]) / L[i,i] for j < i, M[i,i] = 1/L[i,i].
        for (var i = 0; i < n; i++)
        {
            var ri = a.Slice(i * n, i + 1);
            var acc = row[..(i + 1)];
            acc.Clear();
            for (var k = 0; k < i; k++)
                VectorMath.Axpy(ri[k], a.Slice(k * n, k + 1), acc[..(k + 1)]);
            var inv = 1.0 / ri[i];
            for (var j = 0; j < i; j++) ri[j] = -acc[j] * inv;
            ri[i] = inv;
        }
        // K⁻¹[i, j] = Σ_{k ≥ i} M[k, i] M[k, j] for j ≤ i.
        var kinv = Inverse.AsSpan(0, n * n);
        for (var i = 0; i < n; i++) kinv.Slice(i * n, i + 1).Clear();
        for (var k = 0; k < n; k++)
        {
            var mk = a.Slice(k * n, k + 1);
            for (var i = 0; i <= k; i++)
            {
                var c = mk[i];
                if (c != 0) VectorMath.Axpy(c, mk[..(i + 1)], kinv.Slice(i * n, i + 1));
            }
        }
    }
}
