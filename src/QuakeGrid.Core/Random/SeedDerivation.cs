using System.Text;

namespace QuakeGrid.Core.Random;

/// <summary>
/// Derives independent 64-bit stream seeds from (job seed, entity id, purpose) with a fixed, documented hash,
/// so a draw never depends on time, thread, process or machine.
/// <para>
/// Method: the purpose string is hashed with 64-bit FNV-1a over its UTF-8 bytes (offset basis 0xcbf29ce484222325,
/// prime 0x100000001b3); then the three words are absorbed one after another with the SplitMix64 finaliser
/// (Steele, Lea &amp; Flood 2014; constants 0x9e3779b97f4a7c15, 0xbf58476d1ce4e5b9, 0x94d049bb133111eb):
/// <c>h = mix(jobSeed + γ); h = mix(h ^ (ulong)id + γ); h = mix(h ^ fnv(purpose) + γ)</c>.
/// The result is a pure function of its inputs on every platform (integer arithmetic only). Never uses
/// <see cref="string.GetHashCode()"/>, which is randomised per process.
/// </para>
/// </summary>
public static class SeedDerivation
{
    private const ulong Gamma = 0x9e3779b97f4a7c15UL;

    /// <summary>Seed for the stream of <paramref name="purpose"/> (e.g. <c>"gmf-within:PGA"</c>) of entity <paramref name="id"/> (event or rupture id) in job <paramref name="jobSeed"/>.</summary>
    public static ulong Derive(ulong jobSeed, long id, string purpose)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        var h = Mix(jobSeed + Gamma);
        h = Mix((h ^ unchecked((ulong)id)) + Gamma);
        h = Mix((h ^ Fnv1a(purpose)) + Gamma);
        return h;
    }

    /// <summary>The SplitMix64 finaliser (a bijection on 64-bit words).</summary>
    public static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9UL;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>64-bit FNV-1a of the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static ulong Fnv1a(string text)
    {
        var h = 0xcbf29ce484222325UL;
        Span<byte> buf = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetByteCount(text) <= buf.Length ? buf[..Encoding.UTF8.GetBytes(text, buf)] : Encoding.UTF8.GetBytes(text);
        foreach (var b in bytes)
        {
            h ^= b;
            h = unchecked(h * 0x100000001b3UL);
        }
        return h;
    }
}
