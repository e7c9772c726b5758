using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Imts;

namespace QuakeGrid.Core.Conditioning;

/// <summary>
/// Target sites for one IMT with the ground-motion model's unconditioned ln median (mu_Y), between-event (tau_Y) and
/// within-event (phi_Y) standard deviations, ln units.
/// </summary>
public sealed class ConditioningTargets
{
    public ConditioningTargets(CorrelationSites sites, Imt imt, double[] lnMedian, double[] tau, double[] phi)
    {
        ArgumentNullException.ThrowIfNull(sites);
        var n = sites.Count;
        if (lnMedian.Length != n || tau.Length != n || phi.Length != n)
            throw new ArgumentException($"target arrays must have one value per site ({n})");
        Sites = sites; Imt = imt; LnMedian = lnMedian; Tau = tau; Phi = phi;
    }

    public CorrelationSites Sites { get; }
    public Imt Imt { get; }
    public double[] LnMedian { get; }
    public double[] Tau { get; }
    public double[] Phi { get; }
    public int Count => Sites.Count;
}
