using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Hazard;
using QuakeGrid.Core.IO.Job;
using QuakeGrid.Http.Tests.Support;

namespace QuakeGrid.Http.Tests.Http;

/// <summary>
/// Submit an event-based job over HTTP (JSON bundle, then the same files as multipart: the same job), poll it to
/// completion, and read the hazard at a point: the nearest job site's curves equal Core's <c>EventBasedCalculator</c> run in
/// this process, and the IML at the return period of a map PoE equals Core's hazard map there.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class JobHazardTests(SiloServer silo)
{
    private static string Folder => Path.Combine(AppContext.BaseDirectory, "data", "hazardjob");
    private static readonly string[] Files = ["job.ini", "source_model.xml", "source_model_logic_tree.xml", "gsim_logic_tree.xml"];

    [Fact]
    public async Task Job_submitted_over_http_answers_site_hazard_as_Core()
    {
        var (post, jobId) = await silo.SubmitBundleAsync(Folder, Files);
        Assert.Equal($"/v1/jobs/{jobId}", post.Headers.Location?.OriginalString);

        using (var form = new MultipartFormDataContent())
        {
            foreach (var f in Files) form.Add(new ByteArrayContent(File.ReadAllBytes(Path.Combine(Folder, f))), "files", f);
            var again = await silo.Http.PostAsync("/v1/jobs", form);
            var againText = await again.Content.ReadAsStringAsync();
            Assert.True(again.StatusCode == HttpStatusCode.Accepted, againText);
            Assert.Equal(jobId, JsonDocument.Parse(againText).RootElement.GetProperty("jobId").GetString());
        }

        var status = await silo.WaitForEndAsync(jobId);
        Assert.Equal("Completed", status.GetProperty("state").GetString());

        var core = EventBasedCalculator.Run(JobIniReader.Read(Path.Combine(Folder, "job.ini")),
            fieldSampler: VecchiaFieldSampler.ForJob(JobIniReader.Read(Path.Combine(Folder, "job.ini")))).Curves;
        const double qLon = -122.0612, qLat = 38.0791;
        var site = Enumerable.Range(0, core.Sites.Count).MinBy(s => Geodesy.DistanceKm(qLon, qLat, core.Sites.Lon[s], core.Sites.Lat[s]));
        var t = -core.InvestigationTime / Math.Log(1 - core.MapPoes[0]);
        var url = FormattableString.Invariant($"/v1/jobs/{jobId}/sites/hazard?lon={qLon}&lat={qLat}&returnPeriods={t:R},2475");
        var response = await silo.Http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var answer = JsonDocument.Parse(body).RootElement;
        Assert.Equal(core.InvestigationTime, answer.GetProperty("investigationTime").GetDouble());
        var s0 = answer.GetProperty("site");
        Assert.Equal(site, s0.GetProperty("siteIndex").GetInt32());
        Assert.Equal(core.Sites.Lon[site], s0.GetProperty("lon").GetDouble());
        var curves = s0.GetProperty("curves").EnumerateArray().ToArray();
        var rps = answer.GetProperty("returnPeriods").EnumerateArray().ToArray();
        Assert.Equal(core.Imtls.Count, curves.Length);
        for (var k = 0; k < core.Imtls.Count; k++)
        {
            var expected = core.Curve(k, site).ToArray();
            var actual = curves[k].GetProperty("poes").EnumerateArray().Select(p => p.GetDouble()).ToArray();
            Assert.Equal(expected, actual);
            Assert.Contains(expected, p => p > 0);
            var values = rps[k].GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            var map = core.Maps[k][0][site];
            Assert.True(Math.Abs(values[0] - map) <= 1e-9 * Math.Max(map, 1e-12), $"{core.Imtls[k].Imt}: {values[0]} vs map {map}");
        }

        var bad = await silo.Http.GetAsync($"/v1/jobs/{jobId}/sites/hazard?lon=10&lat=10");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badRp = await silo.Http.GetAsync(FormattableString.Invariant($"/v1/jobs/{jobId}/sites/hazard?lon={qLon}&lat={qLat}&returnPeriods=475,-1"));
        Assert.Equal(HttpStatusCode.BadRequest, badRp.StatusCode);
    }
}
