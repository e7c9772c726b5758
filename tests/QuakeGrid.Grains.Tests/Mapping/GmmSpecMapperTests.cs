using QuakeGrid.Contracts.Mapping;
using QuakeGrid.Contracts.Scenario;
using CoreGmm = QuakeGrid.Core.Gmm;

namespace QuakeGrid.Grains.Tests.Mapping;

public sealed class GmmSpecMapperTests
{
    [Fact]
    public void EveryCoreOptionMapsToTheWireMemberOfTheSameNameAndBack()
    {
        foreach (var basin in Enum.GetValues<CoreGmm.BasinRegion>())
        foreach (var att in Enum.GetValues<CoreGmm.AttenuationRegion>())
        foreach (var site in Enum.GetValues<CoreGmm.SadighSiteClass>())
        {
            var options = new CoreGmm.GmmOptions(basin, att, false, site);
            var spec = GmmSpecMapper.FromCore("BSSA14", options);
            Assert.Equal("BSSA14", spec.Name);
            Assert.Equal(basin.ToString(), spec.Basin.ToString());
            Assert.Equal(att.ToString(), spec.Attenuation.ToString());
            Assert.Equal(site.ToString(), spec.SadighSite.ToString());
            Assert.False(spec.StyleOfFaulting);
            Assert.Equal(options, GmmSpecMapper.ToCoreOptions(spec));
        }
    }

    [Fact]
    public void UndefinedWireValuesAreRejected()
    {
        var ok = GmmSpecMapper.FromCore("BSSA14", CoreGmm.GmmOptions.Default);
        Assert.Throws<ArgumentOutOfRangeException>(() => GmmSpecMapper.ToCoreOptions(ok with { Basin = (BasinTerm)99 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => GmmSpecMapper.ToCoreOptions(ok with { Attenuation = (AttenuationRegion)99 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => GmmSpecMapper.ToCoreOptions(ok with { SadighSite = (SadighSite)99 }));
    }
}
