namespace QuakeGrid.Core.Conditioning;

/// <summary>
/// Regression coefficients RC (Engler et al. 2022, Appendix B) of every target on its observation rows, in padded rows
/// of <see cref="Stride"/> slots: target j uses <see cref="Count"/>[j] rows, listed in <see cref="Rows"/> from j·Stride
/// (or rows 0..Count−1 when <see cref="Rows"/> is null: the dense exact mode), with weights in <see cref="Weights"/>
/// at the same slots; and the between-event loading C_j = tau_j·e₀ − T_Dᵀ RC_j (<see cref="HDimension"/> values per
/// target) that adds the posterior between-event uncertainty to samples.
/// </summary>
public sealed class KrigingWeights
{
    internal KrigingWeights(int stride, int[] count, int[]? rows, double[] weights, double[] between, int hDimension)
    {
        Stride = stride; Count = count; Rows = rows; Weights = weights; Between = between; HDimension = hDimension;
    }

    public int Stride { get; }
    public int[] Count { get; }
    /// <summary>Observation row of each slot; null when every target uses rows 0..Count−1 in order.</summary>
    public int[]? Rows { get; }
    public double[] Weights { get; }
    /// <summary>[target * HDimension + h] between-event loading C.</summary>
    public double[] Between { get; }
    public int HDimension { get; }
    public int TargetCount => Count.Length;

    /// <summary>Observation row of slot <paramref name="q"/> of target <paramref name="j"/>.</summary>
    public int Row(int j, int q) => Rows is null ? q : Rows[(long)j * Stride + q];

    /// <summary>Weight of slot <paramref name="q"/> of target <paramref name="j"/>.</summary>
    public double Weight(int j, int q) => Weights[(long)j * Stride + q];
}
