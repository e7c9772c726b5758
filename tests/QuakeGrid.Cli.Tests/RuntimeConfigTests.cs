using System.Text.Json;

namespace QuakeGrid.Cli.Tests;

/// <summary>
/// The runtime settings the benchmarks in docs/benchmarks.md were measured with ("Runtime: tiered compilation") travel in
/// the tool's runtimeconfig.json, so `quakegrid` always runs that way.
/// </summary>
public sealed class RuntimeConfigTests
{
    [Fact]
    public void The_quakegrid_tool_runs_with_tiered_compilation_off()
    {
        var dll = typeof(QuakeGridApp).Assembly.Location;
        var config = Path.ChangeExtension(dll, ".runtimeconfig.json");
        Assert.True(File.Exists(config), $"{config} is missing");
        using var json = JsonDocument.Parse(File.ReadAllText(config));
        var properties = json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.True(properties.TryGetProperty("System.Runtime.TieredCompilation", out var tiered), $"{config} does not set System.Runtime.TieredCompilation");
        Assert.Equal(JsonValueKind.False, tiered.ValueKind);
    }
}
