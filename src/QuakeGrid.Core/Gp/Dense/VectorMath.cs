using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace QuakeGrid.Core.Gp.Dense;

/// <summary>Small SIMD helpers (Vector256 with scalar tails).</summary>
internal static class VectorMath
{
    /// <summary>Σ x[k]·y[k].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var n = x.Length;
        var k = 0;
        var acc0 = Vector256<double>.Zero;
        var acc1 = Vector256<double>.Zero;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var rx = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(x);
            ref var ry = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(y);
            for (; k + 8 <= n; k += 8)
            {
                acc0 += Vector256.LoadUnsafe(ref rx, (nuint)k) * Vector256.LoadUnsafe(ref ry, (nuint)k);
                acc1 += Vector256.LoadUnsafe(ref rx, (nuint)(k + 4)) * Vector256.LoadUnsafe(ref ry, (nuint)(k + 4));
            }
        }
        var s = Vector256.Sum(acc0 + acc1);
        for (; k < n; k++) s += x[k] * y[k];
        return s;
    }

    /// <summary>y[k] += a·x[k].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        var n = x.Length;
        var k = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var va = Vector256.Create(a);
            ref var rx = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(x);
            ref var ry = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(y);
            for (; k + 4 <= n; k += 4)
            {
                (Vector256.LoadUnsafe(ref ry, (nuint)k) + va * Vector256.LoadUnsafe(ref rx, (nuint)k)).StoreUnsafe(ref ry, (nuint)k);
            }
        }
        for (; k < n; k++) y[k] += a * x[k];
    }
}
