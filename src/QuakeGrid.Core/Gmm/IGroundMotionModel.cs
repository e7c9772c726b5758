using QuakeGrid.Core.Imts;

namespace QuakeGrid.Core.Gmm;

/// <summary>
/// A ground-motion model: ln median and the tau/phi/sigma of ln Y for many records per call.
/// Implementations must not allocate per record and must reject out-of-range inputs with a
/// <see cref="Validation.QuakeGridInputException"/> rather than clamp them.
/// </summary>
public interface IGroundMotionModel
{
    /// <summary>OpenQuake class name, e.g. <c>BooreEtAl2014</c>.</summary>
    string Name { get; }

    /// <summary>Inclusive magnitude range the model is stated for.</summary>
    (double Min, double Max) MagnitudeRange { get; }

    /// <summary>True when the IMT is in the model's coefficient table (or documented interpolation).</summary>
    bool Supports(Imt imt);

    /// <summary>Evaluates one IMT for all records of <paramref name="ctx"/> into <paramref name="output"/>.</summary>
    void Compute(in GmmContext ctx, Imt imt, in GmmOutput output);
}
