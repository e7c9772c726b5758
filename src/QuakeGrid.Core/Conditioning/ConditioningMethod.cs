namespace QuakeGrid.Core.Conditioning;

/// <summary>How targets are kriged on the stations.</summary>
public enum ConditioningMethod
{
    /// <summary>Every target on every observation (<see cref="ExactConditioner"/>); dense unconditional fields for samples.</summary>
    Exact,
    /// <summary>Every target on its k nearest stations (<see cref="ScalableConditioner"/>); Vecchia fields for samples.</summary>
    Scalable,
}
