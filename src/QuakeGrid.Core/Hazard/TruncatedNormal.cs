using QuakeGrid.Core.IO.Job;
using QuakeGrid.Core.Random;

namespace QuakeGrid.Core.Hazard;

/// <summary>
/// Standard normal draws truncated as the job's <see cref="ExceedanceModel"/>: two-sided to [−n, n] or upper-only to
/// (−∞, n], by rejection (acceptance ≥ 68 % for n ≥ 1); n = 0 gives 0 (the median); no truncation passes draws through.
/// </summary>
public readonly struct TruncatedNormal(double? truncationLevel, TruncationTail tail)
{
    public double Next(Xoshiro256StarStar rng)
    {
        if (truncationLevel is not { } n) return rng.NextStandardNormal();
        if (n == 0) return 0.0;
        while (true)
        {
            var z = rng.NextStandardNormal();
            if (z <= n && (tail == TruncationTail.UpperOnly || z >= -n)) return z;
        }
    }
}
