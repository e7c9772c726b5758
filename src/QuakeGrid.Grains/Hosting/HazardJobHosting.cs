using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using QuakeGrid.Grains.HazardJob;

namespace QuakeGrid.Grains.Hosting;

/// <summary>Registers what the hazard job grains need on a silo.</summary>
public static class HazardJobHosting
{
    /// <summary>Adds the per-silo <see cref="HazardPlanCache"/> and the coordinators' runtime options.</summary>
    public static ISiloBuilder AddQuakeGridHazardJobs(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.TryAddSingleton<HazardPlanCache>();
        silo.Services.AddOptions<HazardJobRuntimeOptions>();
        return silo;
    }
}
