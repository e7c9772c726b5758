using QuakeGrid.Core.Geometry;

namespace QuakeGrid.Core.Tests.Geometry;

/// <summary>Site-by-site comparison of two <see cref="DistanceSet"/>s (the SIMD path against the scalar reference).</summary>
internal static class DistanceSetAssert
{
    /// <summary>Every Rjb, Rrup, Rx and Ry0 of <paramref name="actual"/> within 1e-9 · (1 + |expected|) km of <paramref name="expected"/>.</summary>
    public static void Close(DistanceSet expected, DistanceSet actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(Math.Abs(actual.Rjb[i] - expected.Rjb[i]) <= 1e-9 * (1 + expected.Rjb[i]), $"Rjb {i}");
            Assert.True(Math.Abs(actual.Rrup[i] - expected.Rrup[i]) <= 1e-9 * (1 + expected.Rrup[i]), $"Rrup {i}");
            Assert.True(Math.Abs(actual.Rx[i] - expected.Rx[i]) <= 1e-9 * (1 + Math.Abs(expected.Rx[i])), $"Rx {i}");
            Assert.True(Math.Abs(actual.Ry0[i] - expected.Ry0[i]) <= 1e-9 * (1 + expected.Ry0[i]), $"Ry0 {i}");
        }
    }
}
