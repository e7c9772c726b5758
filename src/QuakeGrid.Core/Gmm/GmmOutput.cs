namespace QuakeGrid.Core.Gmm;

/// <summary>
/// Output buffers for one IMT over n records: ln median (ln g, or ln cm/s for PGV), and the standard deviations
/// of ln Y: Tau (between-event), Phi (within-event), Sigma (total = sqrt(Tau^2 + Phi^2)).
/// </summary>
public readonly ref struct GmmOutput
{
    public GmmOutput(Span<double> lnMedian, Span<double> tau, Span<double> phi, Span<double> sigma)
    {
        var n = lnMedian.Length;
        if (tau.Length != n || phi.Length != n || sigma.Length != n)
            throw new ArgumentException("all GMM output spans must have the same length");
        LnMedian = lnMedian; Tau = tau; Phi = phi; Sigma = sigma;
    }

    public Span<double> LnMedian { get; }
    public Span<double> Tau { get; }
    public Span<double> Phi { get; }
    public Span<double> Sigma { get; }
    public int Count => LnMedian.Length;
}
