using OneStopWorkflow.Engine.Definitions;

namespace OneStopWorkflow.Procedures.Tests;

/// <summary>Every version of the real catalog under procedures/ loads with no diagnostic at all.</summary>
public sealed class CatalogTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    public static TheoryData<string> Versions() =>
        [.. Directory.EnumerateFiles(Repository.PathOf("procedures"), "procedure.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Repository.Root, Path.GetDirectoryName(f)!).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    private static LoadResult Load(string version) => ProcedureLoader.Load(
        Catalog.ReadVersion(Repository.PathOf(version), version + "/procedure.json"), Catalog.Context(Today));

    [Theory]
    [MemberData(nameof(Versions))]
    public void Loads_without_any_diagnostic(string version)
    {
        var result = Load(version);

        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.Procedure);
        Assert.Matches("^[0-9a-f]{64}$", result.Sha256!);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Writing_and_reloading_gives_the_same_canonical_bytes(string version)
    {
        var first = Load(version);
        var rewritten = ProcedureJsonWriter.Indented(first.Procedure!);
        var source = Catalog.ReadVersion(Repository.PathOf(version), version + "/procedure.json")
            with { Json = rewritten };

        var second = ProcedureLoader.Load(source, Catalog.Context(Today));

        Assert.Empty(second.Diagnostics);
        Assert.Equal(first.CanonicalJson, second.CanonicalJson);
        Assert.Equal(first.Sha256, second.Sha256);
    }

    [Fact]
    public void The_catalog_has_the_three_procedures_in_versions_1_and_2()
    {
        Assert.Equal(
            ["procedures/birth-registration/v1", "procedures/birth-registration/v2",
                "procedures/business-household-registration/v1", "procedures/business-household-registration/v2",
                "procedures/land-use-transfer/v1", "procedures/land-use-transfer/v2"],
            Versions().Select(row => row.Data));
    }

    [Fact]
    public void Land_transfer_budgets_fill_the_statutory_eight_days()
    {
        var land = Load("procedures/land-use-transfer/v1").Procedure!;

        Assert.Equal(8m * 8, ProcedureGraph.LongestMainPathHours(land, 8));
        Assert.Equal(WorkingDuration.Days(8), land.StatutoryDeadline.Duration);
    }

    [Fact]
    public void The_unit_tree_has_the_city_and_at_least_twelve_communes()
    {
        var communes = Catalog.Units.Units.Where(u => u.Level == Engine.Units.Jurisdiction.Commune).ToList();

        Assert.True(communes.Count >= 12, $"only {communes.Count} communes");
        Assert.Contains(communes, u => u.Name.Vi == "UBND phường Lê Chân");
        Assert.Contains(communes, u => u.Name.Vi == "UBND phường Hồng An");
        Assert.Contains(communes, u => u.Name.Vi == "UBND xã Nam An Phụ");
        Assert.All(communes, u => Assert.Equal("HP", u.Parent));
    }
}
