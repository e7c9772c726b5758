namespace QuakeGrid.Core.Sources.Mfd;

/// <summary>
/// Evenly discretised MFD (NRML <c>incrementalMFD</c>, OpenQuake <c>EvenlyDiscretizedMFD</c>): bin i has centre
/// magnitude minMag + i·binWidth and the given annual rate.
/// </summary>
public sealed class IncrementalMfd : IMagnitudeFrequencyDistribution
{
    private readonly MagnitudeRate[] _rates;

    public IncrementalMfd(double minMag, double binWidth, IReadOnlyList<double> occurrenceRates)
    {
        if (!double.IsFinite(minMag)) throw new ArgumentException($"minMag {minMag} must be finite");
        if (!(binWidth > 0)) throw new ArgumentException($"binWidth {binWidth} must be positive");
        if (occurrenceRates.Count == 0) throw new ArgumentException("occurRates is empty");
        MinMag = minMag; BinWidth = binWidth;
        _rates = new MagnitudeRate[occurrenceRates.Count];
        for (var i = 0; i < occurrenceRates.Count; i++)
        {
            var r = occurrenceRates[i];
            if (!(r >= 0) || !double.IsFinite(r)) throw new ArgumentException($"occurrence rate {r} (bin {i}) must be a finite non-negative value");
            _rates[i] = new MagnitudeRate(minMag + i * binWidth, r);
        }
    }

    public double MinMag { get; }
    public double BinWidth { get; }

    /// <inheritdoc />
    public IReadOnlyList<MagnitudeRate> Rates(double widthOfMfdBin) => _rates;
}
