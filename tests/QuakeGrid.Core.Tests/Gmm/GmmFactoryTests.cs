using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.Imts;

namespace QuakeGrid.Core.Tests.Gmm;

public sealed class GmmFactoryTests
{
    [Theory]
    [InlineData("BooreEtAl2014", "BooreEtAl2014")]
    [InlineData("bssa14", "BooreEtAl2014")]
    [InlineData("BSSA14", "BooreEtAl2014")]
    [InlineData("BooreEtAl2014HighQ", "BooreEtAl2014HighQ")]
    [InlineData("booreetal2014lowq", "BooreEtAl2014LowQ")]
    [InlineData("SadighEtAl1997", "SadighEtAl1997")]
    [InlineData("sadigh1997", "SadighEtAl1997")]
    public void NamesAndAliasesAreCaseInsensitive(string name, string expectedName)
    {
        Assert.Equal(expectedName, GmmFactory.Create(name, GmmOptions.Default).Name);
    }

    [Fact]
    public void UnknownNameListsTheKnownNames()
    {
        var e = Assert.Throws<ArgumentException>(() => GmmFactory.Create("Campbell2014", GmmOptions.Default));
        Assert.Contains("Campbell2014", e.Message);
        foreach (var known in GmmFactory.KnownNames) Assert.Contains(known, e.Message);
        Assert.Equal(6, GmmFactory.KnownNames.Count);
    }

    [Fact]
    public void QVariantsSetTheAttenuationRegion()
    {
        var high = (BooreEtAl2014)GmmFactory.Create("BooreEtAl2014HighQ", GmmOptions.Default);
        Assert.Equal(AttenuationRegion.ChinaTurkey, high.Options.Attenuation);
        var viaOptions = GmmFactory.Create("BSSA14", new GmmOptions(Attenuation: AttenuationRegion.ItalyJapan));
        Assert.Equal("BooreEtAl2014LowQ", viaOptions.Name);
        Assert.Throws<ArgumentException>(() => GmmFactory.Create("BooreEtAl2014HighQ", new GmmOptions(Attenuation: AttenuationRegion.ItalyJapan)));
    }

    [Fact]
    public void OptionsAModelDoesNotHaveAreRejected()
    {
        Assert.Throws<ArgumentException>(() => GmmFactory.Create("Sadigh1997", new GmmOptions(Basin: BasinRegion.California)));
        Assert.Throws<ArgumentException>(() => GmmFactory.Create("Sadigh1997", new GmmOptions(Attenuation: AttenuationRegion.ChinaTurkey)));
        Assert.Throws<ArgumentException>(() => GmmFactory.Create("Sadigh1997", new GmmOptions(StyleOfFaulting: false)));
        Assert.Throws<ArgumentException>(() => GmmFactory.Create("BSSA14", new GmmOptions(SadighSite: SadighSiteClass.Soil)));
    }

    [Fact]
    public void MagnitudeRangesAreStated()
    {
        Assert.Equal((3.0, 8.5), GmmFactory.Create("BSSA14").MagnitudeRange);
        Assert.Equal((4.0, 8.5), GmmFactory.Create("Sadigh1997").MagnitudeRange);
        Assert.True(GmmFactory.Create("Sadigh1997").Supports(Imt.Sa(0.075)));
    }
}
