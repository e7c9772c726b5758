using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using QuakeGrid.Http.Tests.Support;

namespace QuakeGrid.Http.Tests.Http;

/// <summary>Bad requests give RFC 7807 problem details naming the field, with the right status, and change no state.</summary>
[Collection(SiloCollection.Name)]
public sealed class BadInputTests(SiloServer silo)
{
    private const string Id = "bad-inputs";

    [Theory]
    [InlineData("lat=37", "lon", 400)]
    [InlineData("lon=37", "lat", 400)]
    [InlineData("lon=NaN&lat=37", "lon", 400)]
    [InlineData("lon=37&lat=95", "lat", 400)]
    [InlineData("lon=abc&lat=37", "lon", 400)]
    [InlineData("lon=37&lat=37&imt=SA(7.5x)", "imt", 400)]
    [InlineData("lon=37&lat=37&imt=PGV", "imt", 400)]
    [InlineData("lon=37&lat=37&neighbours=0", "neighbours", 400)]
    [InlineData("lon=37&lat=37&vs30=-5", "vs30", 400)]
    public async Task Bad_shaking_queries_name_the_parameter(string query, string field, int status)
    {
        await Define();
        var r = await silo.Http.GetAsync($"/v1/events/{Id}/sites/shaking?{query}");
        await AssertProblem(r, status, field);
    }

    [Fact]
    public async Task Unknown_event_and_job_are_404()
    {
        await AssertProblem(await silo.Http.GetAsync("/v1/events/no-such-event/sites/shaking?lon=1&lat=1"), 404, null);
        await AssertProblem(await silo.Http.GetAsync("/v1/events/no-such-event"), 404, null);
        await AssertProblem(await silo.Http.GetAsync("/v1/jobs/no-such-job"), 404, null);
        await AssertProblem(await silo.Http.GetAsync("/v1/jobs/no-such-job/sites/hazard?lon=1&lat=1"), 404, null);
        await AssertProblem(await silo.Http.PostAsJsonAsync("/v1/events/no-such-event/stations", new { stations = Array.Empty<object>() }), 404, null);
    }

    [Theory]
    [InlineData("duplicate", "id")]
    [InlineData("zero", "amplitudes[0] (PGA).value")]
    [InlineData("negative", "amplitudes[0] (PGA).value")]
    [InlineData("missing", "amplitudes[0] (PGA).value")]
    [InlineData("vs30", "vs30")]
    [InlineData("imt", "amplitudes[0] (SA(3.0))")]
    public async Task Bad_stations_are_rejected_whole_and_change_nothing(string kind, string field)
    {
        await Define();
        var before = await Event();
        object bad = kind switch
        {
            "duplicate" => new[] { ShakingTests.Station("X1", 37, 37, 0.2), ShakingTests.Station("X1", 37.1, 37, 0.2) },
            "zero" => new[] { ShakingTests.Station("X2", 37, 37, 0.2), ShakingTests.Station("X3", 37.1, 37, 0.0) },
            "negative" => new[] { ShakingTests.Station("X4", 37, 37, -0.1) },
            "missing" => new object[] { new { id = "X5", lon = 37.0, lat = 37.0, vs30 = 400.0, amplitudes = new[] { new { imt = "PGA" } } } },
            "vs30" => new object[] { new { id = "X6", lon = 37.0, lat = 37.0, vs30 = -300.0, amplitudes = new[] { new { imt = "PGA", value = 0.1 } } } },
            _ => new object[] { new { id = "X7", lon = 37.0, lat = 37.0, vs30 = 300.0, amplitudes = new[] { new { imt = "SA(3.0)", value = 0.1 } } } },
        };
        var r = await silo.Http.PostAsJsonAsync($"/v1/events/{Id}/stations", new { stations = bad });
        await AssertProblem(r, 400, field);
        var after = await Event();
        Assert.Equal(before.GetProperty("revision").GetInt32(), after.GetProperty("revision").GetInt32());
        Assert.Equal(before.GetProperty("stationCount").GetInt32(), after.GetProperty("stationCount").GetInt32());
    }

    [Fact]
    public async Task NaN_literal_in_json_is_400_and_changes_nothing()
    {
        await Define();
        var before = await Event();
        var body = new StringContent("{\"stations\":[{\"id\":\"N1\",\"lon\":37,\"lat\":37,\"vs30\":NaN,\"amplitudes\":[{\"imt\":\"PGA\",\"value\":0.1}]}]}", Encoding.UTF8, "application/json");
        await AssertProblem(await silo.Http.PostAsync($"/v1/events/{Id}/stations", body), 400, null);
        Assert.Equal(before.GetProperty("revision").GetInt32(), (await Event()).GetProperty("revision").GetInt32());
    }

    [Fact]
    public async Task Oversized_station_upload_is_413()
    {
        await Define();
        var big = new ByteArrayContent(new byte[17 * 1024 * 1024]);
        big.Headers.ContentType = new("application/json");
        // Expect: 100-continue lets the server answer before the client sends the body (it refuses it from Content-Length).
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/events/{Id}/stations") { Content = big };
        request.Headers.ExpectContinue = true;
        var before = await Event();
        var r = await silo.Http.SendAsync(request);
        await AssertProblem(r, 413, "body");
        Assert.Equal(before.GetProperty("revision").GetInt32(), (await Event()).GetProperty("revision").GetInt32());
    }

    [Theory]
    [InlineData("correlation", "correlation")]
    [InlineData("imts", "imts")]
    [InlineData("gmm", "gmm")]
    [InlineData("vs30", "defaultVs30")]
    public async Task Bad_event_definitions_name_the_field(string kind, string field)
    {
        var body = kind switch
        {
            "correlation" => (object)new { rupture = Turkey2023.Rupture(), gmm = "BSSA14", imts = new[] { "PGA" }, correlation = "NoSuchModel" },
            "imts" => new { rupture = Turkey2023.Rupture(), gmm = "BSSA14", imts = new[] { "PGX" }, correlation = "JB2009" },
            "gmm" => new { rupture = Turkey2023.Rupture(), gmm = "NoSuchGmm", imts = new[] { "PGA" }, correlation = "JB2009" },
            _ => new { rupture = Turkey2023.Rupture(), gmm = "BSSA14", imts = new[] { "PGA" }, correlation = "JB2009", defaultVs30 = -1.0 },
        };
        await AssertProblem(await silo.Http.PutAsJsonAsync($"/v1/events/bad-def-{kind}", body), 400, field);
        await AssertProblem(await silo.Http.GetAsync($"/v1/events/bad-def-{kind}"), 404, null);
    }

    [Fact]
    public async Task Misspelt_fields_are_rejected_not_ignored()
    {
        var body = new { rupture = Turkey2023.Rupture(), gmm = "BSSA14", imts = new[] { "PGA" }, correlation = "JB2009", neighbors = 10 };
        await AssertProblem(await silo.Http.PutAsJsonAsync("/v1/events/bad-def-misspelt", body), 400, "neighbors");
        await Define();
        var station = new { id = "M1", lon = 37.0, lat = 37.0, vs_30 = 400.0, amplitudes = new[] { new { imt = "PGA", value = 0.1 } } };
        await AssertProblem(await silo.Http.PostAsJsonAsync($"/v1/events/{Id}/stations", new { stations = new[] { station } }), 400, "stations[0].vs_30");
    }

    [Theory]
    [InlineData("vs30", "vs30")]
    [InlineData("zero", "channels[HNE].sa(0.3)")]
    public async Task Bad_values_in_a_ShakeMap_stationlist_fail_the_upload_naming_feature_and_field(string kind, string field)
    {
        await Define();
        var before = await Event();
        var list = JsonNode.Parse(await File.ReadAllTextAsync(Turkey2023.StationListPath))!;
        var first = list["features"]![0]!;
        Assert.Equal("KO.ARPRA", first["id"]!.GetValue<string>());
        if (kind == "vs30") first["properties"]!["vs30"] = -5.0;
        else first["properties"]!["channels"]![0]!["amplitudes"]![0]!["value"] = 0.0;
        var r = await silo.Http.PostAsync($"/v1/events/{Id}/stations", new StringContent(list.ToJsonString(), Encoding.UTF8, "application/json"));
        await AssertProblem(r, 400, field);
        var p = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("KO.ARPRA (feature 0)", p.GetProperty("record").GetString());
        Assert.Equal(before.GetProperty("revision").GetInt32(), (await Event()).GetProperty("revision").GetInt32());
    }

    [Fact]
    public async Task Bad_job_requests_name_the_field()
    {
        await AssertProblem(await silo.Http.PostAsJsonAsync("/v1/jobs", new { files = new { a = "b" } }), 400, "jobFile");
        await AssertProblem(await silo.Http.PostAsJsonAsync("/v1/jobs", new { serverPath = "x/job.ini" }), 400, "serverPath");
        await AssertProblem(await silo.Http.PostAsJsonAsync("/v1/jobs", new { jobFile = "job.ini", files = new { other = "x" } }), 400, "jobFile");
    }

    private async Task Define()
    {
        var r = await silo.Http.PutAsJsonAsync($"/v1/events/{Id}", Turkey2023.EventBody(50));
        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
    }

    private async Task<JsonElement> Event() => JsonDocument.Parse(await silo.Http.GetStringAsync($"/v1/events/{Id}")).RootElement;

    private static async Task AssertProblem(HttpResponseMessage r, int status, string? field)
    {
        var text = await r.Content.ReadAsStringAsync();
        Assert.True((int)r.StatusCode == status, $"expected {status}, got {(int)r.StatusCode}: {text}");
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        var p = JsonDocument.Parse(text).RootElement;
        Assert.Equal(status, p.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("detail").GetString()));
        if (field is not null) Assert.Equal(field, p.GetProperty("field").GetString());
    }
}
