using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.Tests.Gmm;

/// <summary>Bad inputs to the GMMs fail with errors naming the record and field; nothing is clamped.</summary>
public sealed class GmmInputValidationTests
{
    private static void Compute(IGroundMotionModel model, Imt imt, double[] mag, double[] rake, double[] dist,
        double[] vs30, double[]? z1 = null)
    {
        var n = mag.Length;
        z1 ??= Enumerable.Repeat(double.NaN, n).ToArray();
        model.Compute(new GmmContext(mag, rake, dist, dist, vs30, z1), imt,
            new GmmOutput(new double[n], new double[n], new double[n], new double[n]));
    }

    private static QuakeGridInputException Fails(IGroundMotionModel model, Imt imt, double[] mag, double[] rake,
        double[] dist, double[] vs30, double[]? z1 = null) =>
        Assert.Throws<QuakeGridInputException>(() => Compute(model, imt, mag, rake, dist, vs30, z1));

    [Theory]
    [InlineData("SA(0.005)")]
    [InlineData("SA(12)")]
    [InlineData("SA(10.5)")]
    public void Bssa14UnknownPeriodIsAnErrorNamingThePeriod(string imtText)
    {
        var model = new BooreEtAl2014();
        var imt = Imt.Parse(imtText);
        Assert.False(model.Supports(imt));
        var e = Fails(model, imt, [6], [0], [10], [400]);
        Assert.Equal("imt", e.Field);
        Assert.Contains(imt.ToString(), e.Message);
    }

    [Fact]
    public void Bssa14SupportsEveryTabulatedAndInBetweenPeriod()
    {
        var model = new BooreEtAl2014();
        foreach (var p in new[] { 0.01, 0.022, 0.133, 0.21, 0.23, 0.667, 1.0, 7.5, 10.0 }) Assert.True(model.Supports(Imt.Sa(p)), $"SA({p})");
        Assert.True(model.Supports(Imt.Pga));
        Assert.True(model.Supports(Imt.Pgv));
    }

    [Fact]
    public void SadighUnknownImtIsAnError()
    {
        var model = new SadighEtAl1997();
        Assert.False(model.Supports(Imt.Pgv));
        Assert.False(model.Supports(Imt.Sa(5.0)));
        Assert.Equal("imt", Fails(model, Imt.Sa(5.0), [6], [0], [10], [400]).Field);
        Assert.Equal("imt", Fails(model, Imt.Pgv, [6], [0], [10], [400]).Field);
    }

    [Theory]
    [InlineData(2.99)]
    [InlineData(8.51)]
    [InlineData(double.NaN)]
    public void Bssa14MagnitudeOutsideStatedRangeIsRejected(double mag)
    {
        var e = Fails(new BooreEtAl2014(), Imt.Pga, [6, mag], [0, 0], [10, 10], [400, 400]);
        Assert.Equal("record 1", e.Record);
        Assert.Equal("mag", e.Field);
        Assert.Equal("BooreEtAl2014", e.Source);
    }

    [Theory]
    [InlineData(3.99)]
    [InlineData(8.6)]
    public void SadighMagnitudeOutsideStatedRangeIsRejected(double mag)
    {
        var e = Fails(new SadighEtAl1997(), Imt.Pga, [mag], [0], [10], [400]);
        Assert.Equal("record 0", e.Record);
        Assert.Equal("mag", e.Field);
    }

    [Fact]
    public void MagnitudeRangeEndsAreAccepted()
    {
        Compute(new BooreEtAl2014(), Imt.Pga, [3.0, 8.5], [0, 0], [10, 10], [400, 400]);
        Compute(new SadighEtAl1997(), Imt.Pga, [4.0, 8.5], [0, 0], [10, 10], [400, 900]);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-5.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Vs30MustBePositive(double vs30)
    {
        foreach (IGroundMotionModel model in new IGroundMotionModel[] { new BooreEtAl2014(), new SadighEtAl1997() })
        {
            var e = Fails(model, Imt.Pga, [6, 6, 6], [0, 0, 0], [10, 10, 10], [400, 760, vs30]);
            Assert.Equal("record 2", e.Record);
            Assert.Equal("vs30", e.Field);
        }
    }

    [Fact]
    public void NaNOrNegativeDistancesAndBadRakesAreRejected()
    {
        var bssa = new BooreEtAl2014();
        Assert.Equal("rjb", Fails(bssa, Imt.Pga, [6], [0], [double.NaN], [400]).Field);
        Assert.Equal("rjb", Fails(bssa, Imt.Pga, [6], [0], [-1], [400]).Field);
        Assert.Equal("rake", Fails(bssa, Imt.Pga, [6], [double.NaN], [10], [400]).Field);
        Assert.Equal("rake", Fails(bssa, Imt.Pga, [6], [270], [10], [400]).Field);
        Assert.Equal("rrup", Fails(new SadighEtAl1997(), Imt.Pga, [6], [0], [double.NaN], [400]).Field);
        Assert.Equal("rake", Fails(new SadighEtAl1997(), Imt.Pga, [6], [double.NaN], [10], [400]).Field);
        // Without style of faulting the rake is not used, so NaN is fine.
        Compute(new BooreEtAl2014(new GmmOptions(StyleOfFaulting: false)), Imt.Pga, [6], [double.NaN], [10], [400]);
    }

    [Theory]
    [InlineData(BasinRegion.California)]
    [InlineData(BasinRegion.Japan)]
    public void MissingZ1pt0WithABasinTermIsRejected(BasinRegion basin)
    {
        var model = new BooreEtAl2014(new GmmOptions(basin));
        var e = Fails(model, Imt.Sa(1.0), [6, 6], [0, 0], [10, 10], [400, 400], [300, double.NaN]);
        Assert.Equal("record 1", e.Record);
        Assert.Equal("z1pt0", e.Field);
        Assert.Contains("missing", e.Message);
        Assert.Equal("z1pt0", Fails(model, Imt.Sa(1.0), [6], [0], [10], [400], [-10]).Field);
        // Without a basin term z1pt0 is not needed.
        Compute(new BooreEtAl2014(), Imt.Sa(1.0), [6], [0], [10], [400], [double.NaN]);
    }

    [Fact]
    public void OutputOfWrongLengthIsRejected()
    {
        var model = new BooreEtAl2014();
        Assert.Throws<ArgumentException>(() => model.Compute(new GmmContext([6.0], [0.0], [10.0], [10.0], [400.0], [double.NaN]),
            Imt.Pga, new GmmOutput(new double[2], new double[2], new double[2], new double[2])));
    }

    [Fact]
    public void NothingIsWrittenWhenARecordIsBad()
    {
        var ln = new double[] { 42, 42 };
        var model = new BooreEtAl2014();
        Assert.Throws<QuakeGridInputException>(() => model.Compute(
            new GmmContext([6.0, 9.0], [0.0, 0.0], [10.0, 10.0], [10.0, 10.0], [400.0, 400.0], [double.NaN, double.NaN]),
            Imt.Pga, new GmmOutput(ln, new double[2], new double[2], new double[2])));
        Assert.Equal([42.0, 42.0], ln);
    }
}
