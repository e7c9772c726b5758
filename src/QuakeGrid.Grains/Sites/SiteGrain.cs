using QuakeGrid.Contracts.Events;
using QuakeGrid.Contracts.Grains;
using QuakeGrid.Contracts.Hazard;
using QuakeGrid.Contracts.Sites;
using QuakeGrid.Contracts.Stations;
using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.Sites;
using QuakeGrid.Core.Validation;
using QuakeGrid.Grains.Events;

namespace QuakeGrid.Grains.Sites;

/// <summary>
/// Answers for one point (key <see cref="SiteKeys"/>), activated on demand and not persisted.
/// Event sites: asks the event for the k nearest stations that observed the IMT and its between-event posterior, asks
/// those station grains for their residuals and covariance rows (target and neighbours), and solves the k×k system
/// (<see cref="SiteKriging"/>). Until the event's revision changes, the factorised system of each (IMT, k) is kept (a new
/// Vs30 asks the k stations for its covariance column only and solves in O(k²)) and each answer is cached (a repeated
/// query costs one revision check). Job sites: read a finished job's nearest site and interpolate its curves
/// at the requested return periods; finished jobs never change, so the job's site is cached for good.
/// </summary>
public sealed class SiteGrain : Grain, ISiteGrain
{
    /// <summary>The factorised kriging system of one (IMT, k) at one event revision, with the stations it spans.</summary>
    private sealed record Factorised(int Revision, IStationGrain[] Stations, SiteKriging.NeighbourSystem System, BetweenEventPosterior Posterior);

    private readonly Dictionary<(string Imt, double Vs30, int K), SiteShaking> _shaking = new();
    private (int Revision, EventModel Model)? _model;
    private readonly Dictionary<(string Imt, int K), Factorised> _factors = new();

    /// <summary>Largest k whose k×k factor a site grain keeps (200: 320 KB); larger systems are rebuilt for a new Vs30.</summary>
    public const int MaxCachedFactorSize = 200;
    private readonly Dictionary<double, (SiteHazard Site, double InvestigationTime)> _hazard = new();

    private string Key => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public async Task<SiteShaking> GetShakingAsync(string imt, double vs30, int neighbours)
    {
        var (kind, eventId, lon, lat) = SiteKeys.Parse(Key);
        if (kind != SiteKeys.Kind.Event) throw new InvalidOperationException($"site {Key} is not an event site");
        var ev = GrainFactory.GetGrain<IEventGrain>(eventId);
        var revision = await ev.GetRevisionAsync();
        if (revision == 0) throw new QuakeGridInputException("event", eventId, null, "unknown event");
        var cacheKey = (Imt.TryParse(imt, out var parsed) ? parsed.ToString() : imt ?? "", vs30, neighbours);
        if (_shaking.TryGetValue(cacheKey, out var cached) && cached.Revision == revision) return cached;

        var summary = _model is { } m0 && m0.Revision == revision ? null : await ev.GetSummaryAsync();
        if (summary is not null) _model = (summary.Revision, EventModel.Create(summary.Definition, $"event {eventId}"));
        var model = _model!.Value.Model;
        var source = $"event {eventId}";
        var target = model.ImtOf(imt ?? "", source);
        var imtText = target.ToString();
        var vs = double.IsNaN(vs30) ? model.Definition.DefaultVs30 : vs30;
        if (!double.IsFinite(vs) || vs <= 0) throw new QuakeGridInputException(source, null, "vs30", $"{vs} must be a finite Vs30 > 0 m/s");
        var k = neighbours == 0 ? model.Definition.Neighbours : neighbours;

        var sites = new SiteCollection([lon], [lat], [vs], null, source);
        var g = ScenarioGroundMotion.Evaluate(model.Gmm, model.Rupture, sites, [target]);
        var (mu, tau, phi) = (g.LnMedian[0][0], g.Tau[0][0], g.Phi[0][0]);
        var point = EventModel.PointOf(model.CorrelationSitesOf(sites), 0);

        double[] c;
        if (_factors.TryGetValue((imtText, k), out var f) && f.Revision == revision)
        {
            // Same neighbours and C_NN: only the target's covariances with them are new (they depend on its Vs30 through Phi and the kernel).
            var columns = await Task.WhenAll(f.Stations.Select(st => st.GetCovariancesAsync(imtText, model.Definition.Correlation, [point], [phi])));
            c = columns.Select(col => col[0]).ToArray();
        }
        else
        {
            var set = await ev.GetNeighboursAsync(imtText, lon, lat, k);
            var stations = set.StationIds.Select(id => GrainFactory.GetGrain<IStationGrain>(StationKeys.For(eventId, id))).ToArray();
            var residuals = await Task.WhenAll(stations.Select(st => st.GetResidualAsync(imtText)));
            var points = new CorrelationPoint[residuals.Length + 1];
            var phis = new double[residuals.Length + 1];
            (points[0], phis[0]) = (point, phi);
            for (var i = 0; i < residuals.Length; i++) (points[i + 1], phis[i + 1]) = (residuals[i].Point, residuals[i].Phi);
            var rows = await Task.WhenAll(stations.Select(st => st.GetCovariancesAsync(imtText, model.Definition.Correlation, points, phis)));
            f = new Factorised(set.Revision, stations, SiteKriging.Factor(residuals, rows), set.Posterior);
            if (f.System.Count <= MaxCachedFactorSize) _factors[(imtText, k)] = f;
            c = rows.Select(r => r[0]).ToArray();
        }

        var (mean, varW, varB) = SiteKriging.Solve(f.System, c, mu, tau, phi, f.Posterior.MuH, f.Posterior.VarH);
        var answer = new SiteShaking(eventId, imtText, lon, lat, vs, f.Revision, f.System.Count, mu, tau, phi,
            mean, Math.Sqrt(varW + varB), Math.Sqrt(varW), Math.Sqrt(varB));
        _shaking[cacheKey] = answer;
        return answer;
    }

    /// <inheritdoc />
    public async Task<SiteHazardAnswer> GetHazardAsync(double maxDistanceKm, double[] returnPeriods)
    {
        var (kind, jobId, lon, lat) = SiteKeys.Parse(Key);
        if (kind != SiteKeys.Kind.Job) throw new InvalidOperationException($"site {Key} is not a job site");
        var source = $"job {jobId}";
        if (!double.IsFinite(maxDistanceKm) || maxDistanceKm <= 0) throw new QuakeGridInputException(source, null, "maxDistanceKm", $"{maxDistanceKm} must be a finite distance > 0 km");
        returnPeriods ??= [];
        for (var i = 0; i < returnPeriods.Length; i++)
            if (!double.IsFinite(returnPeriods[i]) || returnPeriods[i] <= 0)
                throw new QuakeGridInputException(source, $"returnPeriods[{i}]", "returnPeriods", $"{returnPeriods[i]} must be a finite number of years > 0");

        if (!_hazard.TryGetValue(maxDistanceKm, out var site))
        {
            var job = GrainFactory.GetGrain<IHazardJobGrain>(jobId);
            var status = await job.GetStatusAsync();
            if (status.State != HazardJobState.Completed)
                throw new QuakeGridInputException("job", jobId, "state", status.State == HazardJobState.Failed
                    ? $"the job failed: {status.Error}"
                    : $"the job is {status.State.ToString().ToLowerInvariant()} ({status.WorkItemsDone} of {status.WorkItemsTotal} work items done); hazard is available once it completes");
            var hazard = await job.GetSiteHazardAsync(lon, lat, maxDistanceKm);
            var page = await job.GetCurvesAsync(hazard.SiteIndex, 1, null);
            site = (hazard, page.InvestigationTime);
            _hazard[maxDistanceKm] = site;
        }
        return new SiteHazardAnswer(jobId, site.Site, site.InvestigationTime, HazardAtReturnPeriods.Compute(site.Site, site.InvestigationTime, returnPeriods));
    }
}
