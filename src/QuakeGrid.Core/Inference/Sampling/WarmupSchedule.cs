namespace QuakeGrid.Core.Inference.Sampling;

/// <summary>
/// Stan's windowed warm-up: a fast initial buffer (step size only), slow windows that estimate the diagonal metric
/// (each twice the previous; the last stretched to the terminal buffer), and a fast terminal buffer.
/// If the buffers do not fit, they become 15 % / 10 % of the warm-up as in Stan.
/// </summary>
internal sealed class WarmupSchedule
{
    public WarmupSchedule(int warmup, int initBuffer, int termBuffer, int baseWindow)
    {
        var ends = new List<int>();
        if (warmup >= 20)
        {
            if (initBuffer + baseWindow + termBuffer > warmup)
            {
                initBuffer = (int)(0.15 * warmup);
                termBuffer = (int)(0.1 * warmup);
                baseWindow = warmup - (initBuffer + termBuffer);
            }
            var lastEnd = warmup - termBuffer;
            var start = initBuffer;
            var size = baseWindow;
            while (start < lastEnd)
            {
                var end = start + size;
                if (end + 2 * size > lastEnd) end = lastEnd;
                ends.Add(end);
                start = end;
                size *= 2;
            }
        }
        InitBuffer = initBuffer;
        WindowEnds = ends;
    }

    /// <summary>Iterations before the first slow window.</summary>
    public int InitBuffer { get; }

    /// <summary>Iteration counts (exclusive) at which slow windows end.</summary>
    public IReadOnlyList<int> WindowEnds { get; }

    /// <summary>True if iteration <paramref name="it"/> (0-based) lies in a slow window.</summary>
    public bool InSlowWindow(int it) => WindowEnds.Count > 0 && it >= InitBuffer && it < WindowEnds[^1];

    /// <summary>True if a slow window ends after iteration <paramref name="it"/>.</summary>
    public bool EndsWindow(int it)
    {
        foreach (var e in WindowEnds) if (e == it + 1) return true;
        return false;
    }
}
