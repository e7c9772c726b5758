namespace QuakeGrid.Core.Sources.Mfd;

/// <summary>
/// Truncated (doubly bounded) Gutenberg–Richter distribution, log10 N(≥M) = a − b M, discretised as OpenQuake's
/// <c>TruncatedGRMFD</c>: the bounds are first rounded to multiples of the bin width, the bin centres then lie half a
/// bin inside them, and each bin's rate is 10^(a − b(m − w/2)) − 10^(a − b(m + w/2)).
/// </summary>
public sealed class TruncatedGutenbergRichterMfd : IMagnitudeFrequencyDistribution
{
    public TruncatedGutenbergRichterMfd(double aValue, double bValue, double minMag, double maxMag)
    {
        if (!double.IsFinite(aValue)) throw new ArgumentException($"aValue {aValue} must be finite");
        if (!(bValue > 0) || !double.IsFinite(bValue)) throw new ArgumentException($"bValue {bValue} must be positive");
        if (!(maxMag > minMag)) throw new ArgumentException($"maxMag {maxMag} must exceed minMag {minMag}");
        AValue = aValue; BValue = bValue; MinMag = minMag; MaxMag = maxMag;
    }

    public double AValue { get; }
    public double BValue { get; }
    public double MinMag { get; }
    public double MaxMag { get; }

    /// <inheritdoc />
    public IReadOnlyList<MagnitudeRate> Rates(double widthOfMfdBin)
    {
        var w = widthOfMfdBin;
        if (!(w > 0)) throw new ArgumentException($"width_of_mfd_bin {w} must be positive for a truncated Gutenberg-Richter MFD");
        // Python round() is round-half-to-even, as MidpointRounding.ToEven.
        var min = Math.Round(MinMag / w, MidpointRounding.ToEven) * w;
        var max = Math.Round(MaxMag / w, MidpointRounding.ToEven) * w;
        if (min != max)
        {
            min += w / 2.0;
            max -= w / 2.0;
        }
        var n = (int)Math.Round((max - min) / w, MidpointRounding.ToEven) + 1;
        if (n < 1) throw new ArgumentException($"magnitude range {MinMag}-{MaxMag} holds no bin of width {w}");
        var result = new MagnitudeRate[n];
        for (var i = 0; i < n; i++)
        {
            var m = min + i * w;
            var rate = Math.Pow(10, AValue - BValue * (m - w / 2)) - Math.Pow(10, AValue - BValue * (m + w / 2));
            result[i] = new MagnitudeRate(m, rate);
        }
        return result;
    }
}
