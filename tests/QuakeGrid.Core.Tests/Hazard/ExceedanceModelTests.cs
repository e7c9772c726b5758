using QuakeGrid.Core.Hazard;
using QuakeGrid.Core.IO.Job;

namespace QuakeGrid.Core.Tests.Hazard;

public class ExceedanceModelTests
{
    // Phi(1) = 0.8413447460685429, Phi(2) = 0.9772498680518208 (standard normal table values).
    private const double Phi1 = 0.8413447460685429;
    private const double Phi2 = 0.9772498680518208;

    [Fact]
    public void Untruncated_IsNormalSurvival()
    {
        var m = new ExceedanceModel(null, TruncationTail.TwoSided);
        Assert.Equal(1 - Phi1, m.Poe(0.0, 0.5, 0.5), 14);
        Assert.Equal(0.5, m.Poe(1.0, 0.7, 1.0), 15);
    }

    [Fact]
    public void TwoSided_RenormalisedAsOpenQuake()
    {
        var m = new ExceedanceModel(2.0, TruncationTail.TwoSided);
        Assert.Equal((Phi2 - Phi1) / (2 * Phi2 - 1), m.Poe(0.0, 1.0, 1.0), 14);
        Assert.Equal(0.0, m.Poe(0.0, 1.0, 2.0));
        Assert.Equal(1.0, m.Poe(0.0, 1.0, -2.5));
        Assert.Equal(0.5, m.Poe(0.0, 1.0, 0.0), 14);
    }

    [Fact]
    public void UpperOnly_RenormalisesByPhiN()
    {
        var m = new ExceedanceModel(2.0, TruncationTail.UpperOnly);
        Assert.Equal((Phi2 - Phi1) / Phi2, m.Poe(0.0, 1.0, 1.0), 14);
        Assert.Equal((Phi2 - (1 - Phi1)) / Phi2, m.Poe(0.0, 1.0, -1.0), 14);
        Assert.Equal(0.0, m.Poe(0.0, 1.0, 2.0));
    }

    [Fact]
    public void ZeroTruncation_IsAStepAtTheMedian()
    {
        var m = new ExceedanceModel(0.0, TruncationTail.TwoSided);
        Assert.Equal(1.0, m.Poe(0.1, 0.6, 0.0));
        Assert.Equal(0.0, m.Poe(-0.1, 0.6, 0.0));
        Assert.Equal(0.5, m.Poe(0.0, 0.6, 0.0));
    }
}
