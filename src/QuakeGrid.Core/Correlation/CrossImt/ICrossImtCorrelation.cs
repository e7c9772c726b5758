using QuakeGrid.Core.Imts;

namespace QuakeGrid.Core.Correlation.CrossImt;

/// <summary>A correlation coefficient between residuals of two intensity measure types at the same site.</summary>
public interface ICrossImtCorrelation
{
    string Name { get; }

    /// <summary>Correlation between residuals of <paramref name="from"/> and <paramref name="to"/>; 1 when they are equal.</summary>
    double Rho(Imt from, Imt to);
}
