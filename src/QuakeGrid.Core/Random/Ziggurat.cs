namespace QuakeGrid.Core.Random;

/// <summary>
/// Layer table of the 128-layer normal Ziggurat (Marsaglia &amp; Tsang 2000): R = 3.442619855899 is the start of the
/// tail and V = 9.91256303526217e−3 the common area of each layer under f(x) = exp(−x²/2).
/// X[0] = V/f(R) is the width of the base layer, X[1] = R, X[i+1] = f⁻¹(V/X[i] + f(X[i])), X[128] = 0; F[i] = f(X[i]).
/// </summary>
internal static class Ziggurat
{
    public const double R = 3.442619855899;
    public const double V = 9.91256303526217e-3;

    public static readonly double[] X = BuildX();
    public static readonly double[] F = BuildF(X);

    private static double[] BuildX()
    {
        var x = new double[129];
        var f = Math.Exp(-0.5 * R * R);
        x[0] = V / f;
        x[1] = R;
        for (var i = 2; i < 128; i++)
        {
            x[i] = Math.Sqrt(-2.0 * Math.Log(V / x[i - 1] + Math.Exp(-0.5 * x[i - 1] * x[i - 1])));
        }
        x[128] = 0.0;
        return x;
    }

    private static double[] BuildF(double[] x)
    {
        var f = new double[x.Length];
        for (var i = 0; i < x.Length; i++) f[i] = Math.Exp(-0.5 * x[i] * x[i]);
        return f;
    }
}
