using System.Collections.Concurrent;
using System.Globalization;
using QuakeGrid.Core.Conditioning;
using Xunit.Abstractions;

namespace QuakeGrid.Core.Tests.Conditioning;

/// <summary>
/// Every numeric assertion of the ShakeMap 4.1 verification cases (OpenQuake encoding, expected.csv), in exact and in
/// scalable mode. Tolerance: the OpenQuake one, and never looser than relative 1e-4 (absolute 1e-4 where the expected
/// value is 0; exactly 0 where OpenQuake asks for rtol against 0).
/// </summary>
public sealed class ShakeMapVerificationTests(ITestOutputHelper output)
{
    private static readonly ConcurrentDictionary<(string, bool), ConditionedField> Cache = new();

    public static IEnumerable<object[]> AssertionRows()
        => ShakeMapVerificationCases.Assertions().Select(a => new object[] { a.Case, a.Quantity, a.Expected, a.Tolerance });

    private static ConditionedField Field(string caseName, bool scalable) => Cache.GetOrAdd((caseName, scalable), key =>
    {
        var st = ShakeMapVerificationCases.Stations(key.Item1);
        var tg = ShakeMapVerificationCases.Targets(key.Item1);
        var model = ShakeMapVerificationCases.Model();
        return key.Item2
            ? ScalableConditioner.Condition(st, tg, model, new ScalableConditioningOptions { NeighbourCount = 30 })
            : ExactConditioner.Condition(st, tg, model);
    });

    [Theory]
    [MemberData(nameof(AssertionRows))]
    public void ExactModeReproducesAssertion(string caseName, string quantity, string expected, string tolerance)
        => Check(Field(caseName, false), quantity, expected, tolerance, 1e-12);

    [Theory]
    [MemberData(nameof(AssertionRows))]
    public void ScalableModeReproducesAssertion(string caseName, string quantity, string expected, string tolerance)
        => Check(Field(caseName, true), quantity, expected, tolerance, 1e-12);

    [Fact]
    public void ReportsWorstRelativeErrorOverAllAssertions()
    {
        var worst = 0.0;
        var count = 0;
        foreach (var a in ShakeMapVerificationCases.Assertions())
        {
            count++;
            if (!double.TryParse(a.Expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var e) || e == 0) continue;
            var v = Quantity(Field(a.Case, false), a.Quantity);
            var rel = Math.Abs(v - e) / Math.Abs(e);
            output.WriteLine($"{a.Case} {a.Quantity}: expected {e:R}, exact {v:R}, scalable {Quantity(Field(a.Case, true), a.Quantity):R}, rel {rel:E2}");
            worst = Math.Max(worst, rel);
        }
        output.WriteLine($"{count} numeric assertions; worst relative error (non-zero expected values): {worst:E3}");
        Assert.True(count >= 40, $"expected.csv should hold the OQ assertions, found {count}");
        Assert.True(worst <= 1e-4, $"worst relative error {worst:E3}");
    }

    // exactZeroSlack: where OpenQuake asks for exactly 0 (rtol against 0) we accept 1e-12: at a target on a station the
    // conditional variance is phi² − RC·c, which is rounding noise (~1e-32 here; OpenQuake gets exactly 0 only because
    // its noise is negative and it clips covariances at 0).
    private static void Check(ConditionedField f, string quantity, string expected, string tolerance, double exactZeroSlack)
    {
        if (expected.StartsWith("in (", StringComparison.Ordinal))
        {
            var parts = expected[4..^1].Split(',');
            var lo = double.Parse(parts[0], CultureInfo.InvariantCulture);
            var hi = double.Parse(parts[1], CultureInfo.InvariantCulture);
            var v = Quantity(f, quantity);
            Assert.True(v > lo && v < hi, $"{quantity} = {v} not in ({lo}, {hi})");
            return;
        }
        var e = double.Parse(expected, CultureInfo.InvariantCulture);
        if (quantity.StartsWith("mu (all targets)", StringComparison.Ordinal))
        {
            var tol = tolerance.Contains("atol", StringComparison.Ordinal) ? Math.Min(Atol(tolerance), 1e-4) : exactZeroSlack;
            foreach (var m in f.MeanLn) Assert.True(Math.Abs(m - e) <= tol, $"mu {m} differs from {e} by more than {tol}");
            return;
        }
        var actual = Quantity(f, quantity);
        if (e == 0)
        {
            var tol = tolerance.Contains("atol", StringComparison.Ordinal) ? Math.Min(Atol(tolerance), 1e-4)
                : tolerance.Contains("decimal=7", StringComparison.Ordinal) ? 1.5e-7 : exactZeroSlack;
            Assert.True(Math.Abs(actual) <= tol, $"{quantity} = {actual:R}, expected 0 within {tol}");
        }
        else
        {
            var rtol = tolerance.Contains("rtol=1e-7", StringComparison.Ordinal) || tolerance.Trim().Length == 0 ? 1e-7 : 1e-4;
            Assert.True(Math.Abs(actual - e) <= rtol * Math.Abs(e), $"{quantity} = {actual:R}, expected {e:R} (rtol {rtol})");
        }
    }

    private static double Atol(string tolerance)
    {
        var i = tolerance.IndexOf("atol=", StringComparison.Ordinal);
        var s = new string(tolerance[(i + 5)..].TakeWhile(c => char.IsDigit(c) || c is '.' or 'e' or '-' or 'E').ToArray());
        return double.Parse(s, CultureInfo.InvariantCulture);
    }

    internal static double Quantity(ConditionedField f, string quantity)
    {
        if (quantity.StartsWith("min(|mu|)", StringComparison.Ordinal)) return f.MeanLn.Min(Math.Abs);
        if (quantity.StartsWith("min(mu)", StringComparison.Ordinal)) return f.MeanLn.Min();
        if (quantity.StartsWith("max(mu)", StringComparison.Ordinal)) return f.MeanLn.Max();
        if (quantity.StartsWith("min(sig)", StringComparison.Ordinal)) return f.StdLn.Min();
        if (quantity.StartsWith("max(sig)", StringComparison.Ordinal)) return f.StdLn.Max();
        throw new ArgumentException($"unknown quantity '{quantity}'");
    }
}
