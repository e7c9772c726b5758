using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.Gmm;

/// <summary>
/// Record-by-record input checks shared by the GMMs. Each failure is a <see cref="QuakeGridInputException"/> whose
/// source is the model name, record <c>record i</c> (0-based index in the context) and field the context column.
/// </summary>
internal static class GmmInputCheck
{
    /// <summary>Throws unless the output buffers hold exactly one slot per record.</summary>
    public static void SameLength(in GmmContext ctx, in GmmOutput output)
    {
        if (output.Count != ctx.Count)
            throw new ArgumentException($"GMM output has {output.Count} slots for {ctx.Count} records");
    }

    /// <summary>Magnitude must be finite and inside the model's stated range (inclusive).</summary>
    public static void Magnitudes(string model, ReadOnlySpan<double> mag, double min, double max)
    {
        for (var i = FirstOutside(mag, min, max, false); i < mag.Length; i++)
        {
            var m = mag[i];
            if (!(m >= min && m <= max)) // also catches NaN
                throw new QuakeGridInputException(model, $"record {i}", "mag",
                    double.IsNaN(m) ? "magnitude is NaN" : $"magnitude {m} is outside the stated range [{min}, {max}] of {model}");
        }
    }

    /// <summary>Rake in degrees must be finite and within [-180, 180].</summary>
    public static void Rakes(string model, ReadOnlySpan<double> rake)
    {
        for (var i = FirstOutside(rake, -180.0, 180.0, false); i < rake.Length; i++)
        {
            var r = rake[i];
            if (!(r >= -180.0 && r <= 180.0))
                throw new QuakeGridInputException(model, $"record {i}", "rake",
                    double.IsNaN(r) ? "rake is NaN" : $"rake {r} must be within [-180, 180] degrees");
        }
    }

    /// <summary>A distance (km) must be finite and non-negative.</summary>
    public static void Distances(string model, ReadOnlySpan<double> d, string field)
    {
        for (var i = FirstOutside(d, 0.0, double.MaxValue, false); i < d.Length; i++)
        {
            var r = d[i];
            if (!(r >= 0.0 && r < double.PositiveInfinity))
                throw new QuakeGridInputException(model, $"record {i}", field,
                    double.IsNaN(r) ? $"{field} is NaN" : $"{field} {r} km must be a finite non-negative distance");
        }
    }

    /// <summary>Vs30 (m/s) must be finite and positive.</summary>
    public static void Vs30(string model, ReadOnlySpan<double> vs30)
    {
        for (var i = FirstOutside(vs30, 0.0, double.MaxValue, true); i < vs30.Length; i++)
        {
            var v = vs30[i];
            if (!(v > 0.0 && v < double.PositiveInfinity))
                throw new QuakeGridInputException(model, $"record {i}", "vs30",
                    double.IsNaN(v) ? "vs30 is NaN" : $"Vs30 {v} m/s must be a finite positive value");
        }
    }

    /// <summary>z1.0 (metres) must be given (not NaN), finite and non-negative when a basin term is requested.</summary>
    public static void Z1pt0(string model, ReadOnlySpan<double> z1pt0, string basin)
    {
        for (var i = FirstOutside(z1pt0, 0.0, double.MaxValue, false); i < z1pt0.Length; i++)
        {
            var z = z1pt0[i];
            if (!(z >= 0.0 && z < double.PositiveInfinity))
                throw new QuakeGridInputException(model, $"record {i}", "z1pt0",
                    double.IsNaN(z)
                        ? $"z1pt0 is missing (NaN) but the {basin} basin term needs the depth to Vs = 1 km/s in metres"
                        : $"z1pt0 {z} m must be a finite non-negative depth");
        }
    }

    /// <summary>
    /// Index of the first value not in [min, max] (or (min, max] when <paramref name="minExclusive"/>; NaN is never
    /// inside), scanning four values at a time; <c>x.Length</c> when all are inside. The per-record checks above then
    /// start at that index, so the common all-valid case costs one vector pass.
    /// </summary>
    private static int FirstOutside(ReadOnlySpan<double> x, double min, double max, bool minExclusive)
    {
        var lo = Vector256.Create(min);
        var hi = Vector256.Create(max);
        ref var r = ref MemoryMarshal.GetReference(x);
        var i = 0;
        for (; i + 4 <= x.Length; i += 4)
        {
            var v = Vector256.LoadUnsafe(ref r, (nuint)i);
            var inside = (minExclusive ? Vector256.GreaterThan(v, lo) : Vector256.GreaterThanOrEqual(v, lo)) & Vector256.LessThanOrEqual(v, hi);
            if (inside != Vector256<double>.AllBitsSet) return i;
        }
        for (; i < x.Length; i++)
        {
            var v = x[i];
            if (!((minExclusive ? v > min : v >= min) && v <= max)) return i;
        }
        return x.Length;
    }
}
