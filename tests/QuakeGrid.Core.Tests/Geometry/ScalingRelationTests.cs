using QuakeGrid.Core.Sources.ScalingRelations;

namespace QuakeGrid.Core.Tests.Geometry;

public class ScalingRelationTests
{
    // Wells & Coppersmith (1994) Table 2A, log10 A = a + b M, evaluated by hand at M 6.5:
    //   strike-slip  -3.42 + 0.90·6.5 = 2.430 → 269.153 km²
    //   reverse      -3.99 + 0.98·6.5 = 2.380 → 239.883 km²
    //   normal       -2.87 + 0.82·6.5 = 2.460 → 288.403 km²
    //   all          -3.49 + 0.91·6.5 = 2.425 → 266.073 km²
    [Theory]
    [InlineData(0.0, 269.153)]
    [InlineData(180.0, 269.153)]
    [InlineData(-180.0, 269.153)]
    [InlineData(45.0, 269.153)]
    [InlineData(-45.0, 269.153)]
    [InlineData(135.0, 269.153)]
    [InlineData(90.0, 239.883)]
    [InlineData(46.0, 239.883)]
    [InlineData(-90.0, 288.403)]
    [InlineData(-134.0, 288.403)]
    [InlineData(double.NaN, 266.073)]
    public void WC1994_area_by_rake(double rake, double expected)
    {
        Assert.Equal(expected, new WellsCoppersmith1994().MedianArea(6.5, rake), 3);
    }

    [Fact]
    public void Peer_point_and_cscaling()
    {
        Assert.Equal(1000.0, new PeerMsr().MedianArea(7.0, 0), 9);          // 10^(7-4)
        Assert.Equal(1e-4, new PointMsr().MedianArea(8.0, 90), 15);         // OpenQuake PointMSR constant
        Assert.Equal(Math.Pow(10, 6.0 - 3.9), new CScalingMsr(3.9).MedianArea(6.0, 0), 9); // 10^(M - C) = 125.89
        Assert.Equal(125.89254, new CScalingMsr(3.9).MedianArea(6.0, 0), 4);
    }

    [Theory]
    [InlineData("WC1994", "WC1994")]
    [InlineData(" PeerMSR ", "PeerMSR")]
    [InlineData("PointMSR", "PointMSR")]
    [InlineData("CScalingMSR.C = 3.90", "CScalingMSR.C = 3.90")]
    [InlineData("CScalingMSR.C=4.2", "CScalingMSR.C = 4.20")]
    [InlineData("CScalingMSR", "CScalingMSR.C = 4.00")]
    public void Registry_parses_OpenQuake_names(string text, string name)
    {
        Assert.Equal(name, ScalingRelationRegistry.Parse(text).Name);
    }

    [Fact]
    public void Registry_parses_C_value()
    {
        var r = Assert.IsType<CScalingMsr>(ScalingRelationRegistry.Parse("CScalingMSR.C = 3.90"));
        Assert.Equal(3.90, r.C, 12);
    }

    [Theory]
    [InlineData("Leonard2014_Interplate")]
    [InlineData("wc1994")]
    [InlineData("CScalingMSR.C = abc")]
    [InlineData("CScalingMSR.D = 3")]
    public void Registry_rejects_unknown_names_naming_them(string text)
    {
        var ex = Assert.Throws<ArgumentException>(() => ScalingRelationRegistry.Parse(text));
        Assert.Contains(text, ex.Message);
    }
}
