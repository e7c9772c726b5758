using System.Globalization;

namespace QuakeGrid.Core.Sources.ScalingRelations;

/// <summary>
/// Parses OpenQuake <c>magScaleRel</c> text: <c>WC1994</c>, <c>PeerMSR</c>, <c>PointMSR</c>, <c>CScalingMSR</c>
/// (C defaults to 4.0, making it equal to PeerMSR) and the parameterised form <c>CScalingMSR.C = 3.90</c>
/// (as in OpenQuake QA classical case_01). Names are matched case-sensitively, as OpenQuake does; surrounding spaces are ignored.
/// </summary>
public static class ScalingRelationRegistry
{
    /// <summary>The names <see cref="Parse"/> accepts.</summary>
    public static IReadOnlyList<string> KnownNames { get; } = ["WC1994", "PeerMSR", "PointMSR", "CScalingMSR"];

    /// <summary>Returns the relation named by <paramref name="text"/>; unknown names or bad parameters throw <see cref="ArgumentException"/> naming the text.</summary>
    public static IMagnitudeScalingRelation Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        switch (t)
        {
            case "WC1994": return new WellsCoppersmith1994();
            case "PeerMSR": return new PeerMsr();
            case "PointMSR": return new PointMsr();
            case "CScalingMSR": return new CScalingMsr(4.0);
        }
        if (t.StartsWith("CScalingMSR", StringComparison.Ordinal))
        {
            // CScalingMSR.C = 3.90  (spaces optional)
            var rest = t["CScalingMSR".Length..].TrimStart();
            if (rest.StartsWith('.'))
            {
                rest = rest[1..].TrimStart();
                if (rest.StartsWith('C'))
                {
                    rest = rest[1..].TrimStart();
                    if (rest.StartsWith('='))
                    {
                        var num = rest[1..].Trim();
                        if (double.TryParse(num, NumberStyles.Float, CultureInfo.InvariantCulture, out var c) && double.IsFinite(c))
                            return new CScalingMsr(c);
                        throw new ArgumentException($"magnitude scaling relation '{text}': C value '{num}' is not a finite number");
                    }
                }
            }
            throw new ArgumentException($"magnitude scaling relation '{text}': expected the form 'CScalingMSR.C = <number>'");
        }
        throw new ArgumentException($"unknown magnitude scaling relation '{text}'; known: {string.Join(", ", KnownNames)}, CScalingMSR.C = <C>");
    }
}
