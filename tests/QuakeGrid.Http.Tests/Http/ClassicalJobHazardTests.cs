using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Hazard;
using QuakeGrid.Core.IO.Job;
using QuakeGrid.Http.Tests.Support;

namespace QuakeGrid.Http.Tests.Http;

/// <summary>
/// A classical job submitted over HTTP runs through the hazard job grains; the site query answers the nearest job site's
/// curves equal to Core's <c>ClassicalCalculator</c> run in this process (both gsim branches weighted), and the IML at the
/// return period of a map PoE equals Core's hazard map there.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class ClassicalJobHazardTests(SiloServer silo)
{
    private static string Folder => Path.Combine(AppContext.BaseDirectory, "data", "classical");
    private static readonly string[] Files = ["job.ini", "source_model.xml", "source_model_logic_tree.xml", "gsim_logic_tree.xml"];

    [Fact]
    public async Task Classical_job_submitted_over_http_answers_site_hazard_as_Core()
    {
        var (_, jobId) = await silo.SubmitBundleAsync(Folder, Files, new { tileSize = 7 });

        var status = await silo.WaitForEndAsync(jobId);
        Assert.Equal("Completed", status.GetProperty("state").GetString());
        Assert.True(status.GetProperty("classical").GetBoolean());
        Assert.Equal(6, status.GetProperty("tiles").GetInt32());

        var core = ClassicalCalculator.Run(JobIniReader.Read(Path.Combine(Folder, "job.ini")));
        const double qLon = -121.9612, qLat = 38.1291;
        var site = Enumerable.Range(0, core.Sites.Count).MinBy(s => Geodesy.DistanceKm(qLon, qLat, core.Sites.Lon[s], core.Sites.Lat[s]));
        var t = -core.InvestigationTime / Math.Log(1 - core.MapPoes[0]);
        var response = await silo.Http.GetAsync(FormattableString.Invariant($"/v1/jobs/{jobId}/sites/hazard?lon={qLon}&lat={qLat}&returnPeriods={t:R}"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var answer = JsonDocument.Parse(body).RootElement;
        var s0 = answer.GetProperty("site");
        Assert.Equal(site, s0.GetProperty("siteIndex").GetInt32());
        var curves = s0.GetProperty("curves").EnumerateArray().ToArray();
        var rps = answer.GetProperty("returnPeriods").EnumerateArray().ToArray();
        Assert.Equal(core.Imtls.Count, curves.Length);
        for (var k = 0; k < core.Imtls.Count; k++)
        {
            var expected = core.Curve(k, site).ToArray();
            Assert.Equal(expected, curves[k].GetProperty("poes").EnumerateArray().Select(p => p.GetDouble()).ToArray());
            Assert.Contains(expected, p => p > 0.01);
            var value = rps[k].GetProperty("values").EnumerateArray().First().GetDouble();
            var map = core.Maps[k][0][site];
            Assert.True(map > 0, $"{core.Imtls[k].Imt}: the map value is a real comparison");
            Assert.True(Math.Abs(value - map) <= 1e-9 * map, $"{core.Imtls[k].Imt}: {value} vs map {map}");
        }
    }
}
