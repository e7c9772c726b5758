using QuakeGrid.Core.Sources.Mfd;

namespace QuakeGrid.Core.Tests.Sources;

public class MfdTests
{
    [Fact]
    public void TruncatedGr_PeerCase5_BinsAndRatesAsOpenQuake()
    {
        // PEER Set 1 Case 5 (OQ TruncatedGRMFD a=3.1292 b=0.9, 5.0-6.5, bin 0.1): centres 5.05 ... 6.45.
        // Expected rates by hand: 10^(a - b(m - w/2)) - 10^(a - b(m + w/2)).
        var bins = new TruncatedGutenbergRichterMfd(3.1292, 0.9, 5.0, 6.5).Rates(0.1);
        Assert.Equal(15, bins.Count);
        Assert.Equal(5.05, bins[0].Magnitude, 12);
        Assert.Equal(6.45, bins[^1].Magnitude, 12);
        Assert.Equal(0.007969572809724386, bins[0].Rate, 15);
        Assert.Equal(0.00043796060061279, bins[^1].Rate, 15);
        Assert.Equal(0.04067749139781736, bins.Sum(b => b.Rate), 14);
    }

    [Fact]
    public void TruncatedGr_BoundsRoundedToBinWidth_AsOpenQuake()
    {
        // Nepal source 224: 5.0-7.8 with width_of_mfd_bin 0.5: OQ rounds 7.8/0.5 = 15.6 to 16 -> max 8.0, centres 5.25 ... 7.75.
        var bins = new TruncatedGutenbergRichterMfd(2.6922, 0.7522, 5.0, 7.8).Rates(0.5);
        Assert.Equal(6, bins.Count);
        Assert.Equal(5.25, bins[0].Magnitude, 12);
        Assert.Equal(7.75, bins[^1].Magnitude, 12);
        Assert.Equal(0.04944884826233494, bins[0].Rate, 14);
        Assert.Equal(0.0006511127214513157, bins[^1].Rate, 15);
    }

    [Fact]
    public void Incremental_UsesItsOwnBinWidth()
    {
        var bins = new IncrementalMfd(4.0, 0.5, [1.0, 0.5, 0.25]).Rates(0.1);
        Assert.Equal([4.0, 4.5, 5.0], bins.Select(b => b.Magnitude));
        Assert.Equal([1.0, 0.5, 0.25], bins.Select(b => b.Rate));
    }

    [Fact]
    public void Incremental_RejectsNegativeRate() =>
        Assert.Throws<ArgumentException>(() => new IncrementalMfd(4.0, 0.1, [1.0, -0.1]));
}
