using Orleans.Concurrency;
using QuakeGrid.Contracts.Events;
using QuakeGrid.Contracts.Sites;
using QuakeGrid.Contracts.Stations;
using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.Sites;
using QuakeGrid.Core.Validation;
using QuakeGrid.Grains.Events;

namespace QuakeGrid.Grains.Sites;

/// <summary>
/// Answers a <see cref="SiteShakingQuery"/> of many points of one event: the event's summary once, the k nearest
/// stations of each point from the event grain, each station's residual once for the whole query, and per point the
/// kriging system of <see cref="SiteKriging"/> with the within-event covariances computed here exactly as
/// <see cref="Stations.StationGrain"/> computes them for a <see cref="SiteGrain"/> (rho of point and station, times
/// both Phis), at the point rounded as a site key. The answers therefore equal the site grains' ones; a query costs
/// about n + (distinct stations) + 2 grain calls instead of n·(2k + 3). A stateless worker: queries run in parallel.
/// </summary>
[StatelessWorker]
public sealed class EventShakingGrain : Grain, IEventShakingGrain
{
    /// <summary>Attempts when the event takes new stations while a query is answered.</summary>
    private const int MaxAttempts = 3;

    /// <inheritdoc />
    public async Task<SiteShaking[]> GetShakingAsync(SiteShakingQuery query)
    {
        var eventId = this.GetPrimaryKeyString();
        var source = $"event {eventId}";
        if (query?.Lon is null || query.Lat is null || query.Vs30 is null) throw new QuakeGridInputException(source, null, "sites", "no points were given");
        var n = query.Lon.Length;
        if (query.Lat.Length != n || query.Vs30.Length != n)
            throw new QuakeGridInputException(source, null, "sites", $"{n} longitudes, {query.Lat.Length} latitudes and {query.Vs30.Length} Vs30 values: give one of each per point");
        if (n > SiteShakingQuery.MaxSites) throw new QuakeGridInputException(source, null, "sites", $"{n} points; at most {SiteShakingQuery.MaxSites} per query");
        var ev = GrainFactory.GetGrain<IEventGrain>(eventId);
        for (var attempt = 1; ; attempt++)
        {
            if (await ev.GetRevisionAsync() == 0) throw new QuakeGridInputException("event", eventId, null, "unknown event");
            var summary = await ev.GetSummaryAsync();
            var answers = await AnswerAsync(ev, eventId, EventModel.Create(summary.Definition, source), summary.Revision, query, source);
            if (answers is not null) return answers;
            if (attempt == MaxAttempts) throw new InvalidOperationException($"{source} kept taking new stations during {MaxAttempts} attempts to answer a query; try again");
        }
    }

    /// <summary>The answers at <paramref name="revision"/>, or null when the event changed meanwhile.</summary>
    private async Task<SiteShaking[]?> AnswerAsync(IEventGrain ev, string eventId, EventModel model, int revision, SiteShakingQuery q, string source)
    {
        var target = model.ImtOf(q.Imt ?? "", source);
        var imt = target.ToString();
        var k = q.Neighbours == 0 ? model.Definition.Neighbours : q.Neighbours;
        var n = q.Lon.Length;
        var (lon, lat, vs) = (new double[n], new double[n], new double[n]);
        for (var j = 0; j < n; j++)
        {
            var rec = $"point {j}";
            if (!double.IsFinite(q.Lon[j]) || q.Lon[j] < -180 || q.Lon[j] > 180) throw new QuakeGridInputException(source, rec, "lon", $"longitude {q.Lon[j]} is not a finite value in [-180, 180]");
            if (!double.IsFinite(q.Lat[j]) || q.Lat[j] < -90 || q.Lat[j] > 90) throw new QuakeGridInputException(source, rec, "lat", $"latitude {q.Lat[j]} is not a finite value in [-90, 90]");
            vs[j] = double.IsNaN(q.Vs30[j]) ? model.Definition.DefaultVs30 : q.Vs30[j];
            if (!double.IsFinite(vs[j]) || vs[j] <= 0) throw new QuakeGridInputException(source, rec, "vs30", $"{vs[j]} must be a finite Vs30 > 0 m/s");
            (lon[j], lat[j]) = (SiteKeys.Round(q.Lon[j]), SiteKeys.Round(q.Lat[j]));
        }

        var sets = await Task.WhenAll(Enumerable.Range(0, n).Select(j => ev.GetNeighboursAsync(imt, lon[j], lat[j], k)));
        if (sets.Any(s => s.Revision != revision)) return null;
        var ids = sets.SelectMany(s => s.StationIds).Distinct(StringComparer.Ordinal).ToArray();
        var residuals = await Task.WhenAll(ids.Select(id => GrainFactory.GetGrain<IStationGrain>(StationKeys.For(eventId, id)).GetResidualAsync(imt)));
        var byId = new Dictionary<string, StationResidual>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++) byId[ids[i]] = residuals[i];

        var sites = new SiteCollection(lon, lat, vs, null, source);
        var g = ScenarioGroundMotion.Evaluate(model.Gmm, model.Rupture, sites, [target]);
        var targets = EventModel.SitesOf(Enumerable.Range(0, n).Select(j => EventModel.PointOf(model.CorrelationSitesOf(sites), j)).ToArray());
        var rho = CorrelationFactory.Parse(model.Definition.Correlation, target);
        var answers = new SiteShaking[n];
        for (var j = 0; j < n; j++)
        {
            var (mu, tau, phi) = (g.LnMedian[0][j], g.Tau[0][j], g.Phi[0][j]);
            var st = sets[j].StationIds.Select(id => byId[id]).ToArray();
            var stations = EventModel.SitesOf(st.Select(r => r.Point).ToArray());
            // Row a: station a's covariances with [the point, station 0, ..., station a-1], as StationGrain.GetCovariancesAsync.
            var rows = new double[st.Length][];
            for (var a = 0; a < st.Length; a++)
            {
                var row = rows[a] = new double[st.Length + 1];
                row[0] = rho.Rho(targets, j, stations, a) * (phi * st[a].Phi);
                for (var b = 0; b < a; b++) row[1 + b] = rho.Rho(stations, b, stations, a) * (st[b].Phi * st[a].Phi);
            }
            var system = SiteKriging.Factor(st, rows);
            var c = rows.Select(r => r[0]).ToArray();
            var posterior = sets[j].Posterior;
            var (mean, varW, varB) = SiteKriging.Solve(system, c, mu, tau, phi, posterior.MuH, posterior.VarH);
            answers[j] = new SiteShaking(eventId, imt, lon[j], lat[j], vs[j], revision, system.Count, mu, tau, phi,
                mean, Math.Sqrt(varW + varB), Math.Sqrt(varW), Math.Sqrt(varB));
        }
        return answers;
    }
}
