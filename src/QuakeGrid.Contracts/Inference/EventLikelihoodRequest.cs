using QuakeGrid.Core.Inference.Likelihood;

namespace QuakeGrid.Contracts.Inference;

/// <summary>
/// One evaluation of an event's log-likelihood under model <paramref name="Model"/> at unconstrained coordinates
/// <paramref name="Q"/> (ln LE, logit(gammaE/2), ln L, ln LS, logit w, truncated to the model), nugget
/// <paramref name="Nugget"/> on the diagonal; the gradient in Q is returned when <paramref name="WithGradient"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("QuakeGrid.EventLikelihoodRequest")]
public sealed record EventLikelihoodRequest(
    [property: Id(0)] CorrelationModelKind Model,
    [property: Id(1)] double[] Q,
    [property: Id(2)] bool WithGradient,
    [property: Id(3)] double Nugget);

/// <summary>An event's log-likelihood and (possibly empty) gradient in the unconstrained coordinates.</summary>
[GenerateSerializer, Immutable, Alias("QuakeGrid.EventLikelihoodResult")]
public sealed record EventLikelihoodResult(
    [property: Id(0)] long EqId,
    [property: Id(1)] double LogLikelihood,
    [property: Id(2)] double[] Gradient);
