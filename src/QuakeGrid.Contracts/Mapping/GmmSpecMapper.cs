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

    private static BasinTerm ToWire(CoreGmm.BasinRegion b) => SameName<CoreGmm.BasinRegion, BasinTerm>(b, "basin region");
    private static CoreGmm.BasinRegion ToCore(BasinTerm b) => SameName<BasinTerm, CoreGmm.BasinRegion>(b, "basin term");
    private static AttenuationRegion ToWire(CoreGmm.AttenuationRegion a) => SameName<CoreGmm.AttenuationRegion, AttenuationRegion>(a, "attenuation region");
    private static CoreGmm.AttenuationRegion ToCore(AttenuationRegion a) => SameName<AttenuationRegion, CoreGmm.AttenuationRegion>(a, "attenuation region");
    private static SadighSite ToWire(CoreGmm.SadighSiteClass s) => SameName<CoreGmm.SadighSiteClass, SadighSite>(s, "Sadigh site class");
    private static CoreGmm.SadighSiteClass ToCore(SadighSite s) => SameName<SadighSite, CoreGmm.SadighSiteClass>(s, "Sadigh site class");

    /// <summary>
    /// The member of <typeparamref name="TTo"/> with the same name as <paramref name="value"/> (the wire enums mirror the Core
    /// enums member for member); throws <see cref="ArgumentOutOfRangeException"/> on an undefined value or a name missing in
    /// <typeparamref name="TTo"/>.
    /// </summary>
    private static TTo SameName<TFrom, TTo>(TFrom value, string what) where TFrom : struct, Enum where TTo : struct, Enum
    {
        if (Enum.GetName(value) is { } name && Enum.TryParse<TTo>(name, ignoreCase: false, out var mapped) && Enum.IsDefined(mapped))
            return mapped;
        throw new ArgumentOutOfRangeException(nameof(value), value, $"unknown {what}");
    }
}
