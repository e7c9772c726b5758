using QuakeGrid.Contracts.Scenario;
using CoreGmm = QuakeGrid.Core.Gmm;

namespace QuakeGrid.Contracts.Mapping;

/// <summary>Maps a GMM name and Core <see cref="CoreGmm.GmmOptions"/> to and from the wire record <see cref="GmmSpec"/>.</summary>
public static class GmmSpecMapper
{
    /// <summary>Wire record for a GMM name and its Core options.</summary>
    public static GmmSpec FromCore(string name, CoreGmm.GmmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new GmmSpec(name, ToWire(options.Basin), ToWire(options.Attenuation), options.StyleOfFaulting, ToWire(options.SadighSite));
    }

    /// <summary>Core options of a wire record; throws <see cref="ArgumentOutOfRangeException"/> on an undefined enum value.</summary>
    public static CoreGmm.GmmOptions ToCoreOptions(GmmSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new CoreGmm.GmmOptions(ToCore(spec.Basin), ToCore(spec.Attenuation), spec.StyleOfFaulting, ToCore(spec.SadighSite));
    }

    private static BasinTerm ToWire(CoreGmm.BasinRegion b) => b switch
    {
        CoreGmm.BasinRegion.None => BasinTerm.None,
        CoreGmm.BasinRegion.California => BasinTerm.California,
        CoreGmm.BasinRegion.Japan => BasinTerm.Japan,
        _ => throw new ArgumentOutOfRangeException(nameof(b), b, "unknown basin region"),
    };

    private static CoreGmm.BasinRegion ToCore(BasinTerm b) => b switch
    {
        BasinTerm.None => CoreGmm.BasinRegion.None,
        BasinTerm.California => CoreGmm.BasinRegion.California,
        BasinTerm.Japan => CoreGmm.BasinRegion.Japan,
        _ => throw new ArgumentOutOfRangeException(nameof(b), b, "unknown basin term"),
    };

    private static AttenuationRegion ToWire(CoreGmm.AttenuationRegion a) => a switch
    {
        CoreGmm.AttenuationRegion.Global => AttenuationRegion.Global,
        CoreGmm.AttenuationRegion.ChinaTurkey => AttenuationRegion.ChinaTurkey,
        CoreGmm.AttenuationRegion.ItalyJapan => AttenuationRegion.ItalyJapan,
        _ => throw new ArgumentOutOfRangeException(nameof(a), a, "unknown attenuation region"),
    };

    private static CoreGmm.AttenuationRegion ToCore(AttenuationRegion a) => a switch
    {
        AttenuationRegion.Global => CoreGmm.AttenuationRegion.Global,
        AttenuationRegion.ChinaTurkey => CoreGmm.AttenuationRegion.ChinaTurkey,
        AttenuationRegion.ItalyJapan => CoreGmm.AttenuationRegion.ItalyJapan,
        _ => throw new ArgumentOutOfRangeException(nameof(a), a, "unknown attenuation region"),
    };

    private static SadighSite ToWire(CoreGmm.SadighSiteClass s) => s switch
    {
        CoreGmm.SadighSiteClass.ByVs30 => SadighSite.ByVs30,
        CoreGmm.SadighSiteClass.Rock => SadighSite.Rock,
        CoreGmm.SadighSiteClass.Soil => SadighSite.Soil,
        _ => throw new ArgumentOutOfRangeException(nameof(s), s, "unknown Sadigh site class"),
    };

    private static CoreGmm.SadighSiteClass ToCore(SadighSite s) => s switch
    {
        SadighSite.ByVs30 => CoreGmm.SadighSiteClass.ByVs30,
        SadighSite.Rock => CoreGmm.SadighSiteClass.Rock,
        SadighSite.Soil => CoreGmm.SadighSiteClass.Soil,
        _ => throw new ArgumentOutOfRangeException(nameof(s), s, "unknown Sadigh site class"),
    };
}
