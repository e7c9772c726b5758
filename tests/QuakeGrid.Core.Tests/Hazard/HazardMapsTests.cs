using QuakeGrid.Core.Hazard;

namespace QuakeGrid.Core.Tests.Hazard;

public class HazardMapsTests
{
    private static readonly double[] Levels = [0.1, 0.2, 0.4];
    private static readonly double[] Curve = [0.1, 0.01, 0.001];

    [Fact]
    public void LogLogInterpolation()
    {
        // ln PoE is linear in ln IML between (0.1, 0.1) and (0.2, 0.01): PoE 10^-1.5 lies half-way in ln -> sqrt(0.1*0.2).
        Assert.Equal(Math.Sqrt(0.02), HazardMaps.ImlAtPoe(Levels, Curve, Math.Pow(10, -1.5)), 12);
        Assert.Equal(0.2, HazardMaps.ImlAtPoe(Levels, Curve, 0.01), 12);
    }

    [Fact]
    public void PoeAboveTheCurve_GivesZero() => Assert.Equal(0.0, HazardMaps.ImlAtPoe(Levels, Curve, 0.5));

    [Fact]
    public void PoeBelowTheCurve_GivesTheLargestLevel() => Assert.Equal(0.4, HazardMaps.ImlAtPoe(Levels, Curve, 1e-5));
}
