namespace QuakeGrid.Core.Gmm;

/// <summary>
/// Builds ground-motion models by OpenQuake class name (<c>BooreEtAl2014</c>, <c>BooreEtAl2014HighQ</c>,
/// <c>BooreEtAl2014LowQ</c>, <c>SadighEtAl1997</c>) or short alias (<c>BSSA14</c>, <c>Sadigh1997</c>), case-insensitive.
/// </summary>
public static class GmmFactory
{
    /// <summary>Every accepted name, OpenQuake names first, then aliases.</summary>
    public static IReadOnlyList<string> KnownNames { get; } =
        ["BooreEtAl2014", "BooreEtAl2014HighQ", "BooreEtAl2014LowQ", "SadighEtAl1997", "BSSA14", "Sadigh1997"];

    /// <summary>
    /// Creates the model <paramref name="name"/> with <paramref name="options"/>. <c>BooreEtAl2014HighQ</c> and
    /// <c>BooreEtAl2014LowQ</c> set the China/Turkey or Italy/Japan attenuation; combining them with a different
    /// non-global <see cref="GmmOptions.Attenuation"/> is an error. Unknown names throw <see cref="ArgumentException"/>
    /// listing <see cref="KnownNames"/>; options a model does not have throw <see cref="ArgumentException"/>.
    /// </summary>
    public static IGroundMotionModel Create(string name, GmmOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        options ??= GmmOptions.Default;
        var key = name.Trim().ToUpperInvariant();
        return key switch
        {
            "BOOREETAL2014" or "BSSA14" => new BooreEtAl2014(options),
            "BOOREETAL2014HIGHQ" => new BooreEtAl2014(WithAttenuation(options, AttenuationRegion.ChinaTurkey, name)),
            "BOOREETAL2014LOWQ" => new BooreEtAl2014(WithAttenuation(options, AttenuationRegion.ItalyJapan, name)),
            "SADIGHETAL1997" or "SADIGH1997" => new SadighEtAl1997(options),
            _ => throw new ArgumentException($"unknown ground-motion model '{name}'; known models: {string.Join(", ", KnownNames)}", nameof(name)),
        };
    }

    private static GmmOptions WithAttenuation(GmmOptions options, AttenuationRegion region, string name)
    {
        if (options.Attenuation != AttenuationRegion.Global && options.Attenuation != region)
            throw new ArgumentException($"{name} implies attenuation {region}, but the options ask for {options.Attenuation}", nameof(options));
        return options with { Attenuation = region };
    }
}
