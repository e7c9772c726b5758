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
        for (var i = 0; i < mag.Length; i++)
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
        for (var i = 0; i < rake.Length; i++)
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
        for (var i = 0; i < d.Length; i++)
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
        for (var i = 0; i < vs30.Length; i++)
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
        for (var i = 0; i < z1pt0.Length; i++)
        {
            var z = z1pt0[i];
            if (!(z >= 0.0 && z < double.PositiveInfinity))
                throw new QuakeGridInputException(model, $"record {i}", "z1pt0",
                    double.IsNaN(z)
                        ? $"z1pt0 is missing (NaN) but the {basin} basin term needs the depth to Vs = 1 km/s in metres"
                        : $"z1pt0 {z} m must be a finite non-negative depth");
        }
    }
}
