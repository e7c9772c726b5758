namespace QuakeGrid.Core.Conditioning;

/// <summary>
/// Sparse regression coefficients RC (Engler et al. 2022, Appendix B) of every target on its observation rows, in
/// compressed rows: target j uses rows <c>Rows[Start[j]..Start[j+1]]</c> with weights <c>Weights[...]</c>; and the
/// between-event loading C_j = tau_j·e₀ − T_Dᵀ RC_j (<see cref="HDimension"/> values per target) used to add the
/// posterior between-event uncertainty to samples.
/// </summary>
public sealed class KrigingWeights
{
    internal KrigingWeights(int[] start, int[] rows, double[] weights, double[] between, int hDimension)
    {
        Start = start; Rows = rows; Weights = weights; Between = between; HDimension = hDimension;
    }

    public int[] Start { get; }
    public int[] Rows { get; }
    public double[] Weights { get; }
    /// <summary>[target * HDimension + h] between-event loading C.</summary>
    public double[] Between { get; }
    public int HDimension { get; }
    public int TargetCount => Start.Length - 1;
}
