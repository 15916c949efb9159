using System.Globalization;
using System.Text.Json.Nodes;
using OneStopWorkflow.Hosting.Cases;
using OneStopWorkflow.Persistence.Storage;

namespace OneStopWorkflow.Hosting.Tests.Cases;

/// <summary>The graph a case page draws: the version the case is pinned to, for those who may read the case.</summary>
public sealed class GetCaseGraphTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private CaseView _case = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await TestApp.StartAsync(await TestApp.DatabaseAsync(StorageProvider.Sqlite),
            DateTimeOffset.Parse("2026-03-02T09:00:00+07:00", CultureInfo.InvariantCulture));
        _case = await _app.ReceiveLandTransferAsync();
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task The_receiving_clerk_gets_the_procedure_json_of_the_pinned_version()
    {
        var graph = await _app.AsAsync(People.ClerkLeChan, m => m.Send(new GetCaseGraph(_case.DossierCode)));

        Assert.Null(graph.Rejection);
        var json = JsonNode.Parse(graph.ProcedureJson!)!;
        Assert.Equal(("land-use-transfer", _case.ProcedureVersion), ((string?)json["code"], (int?)json["version"]));
        Assert.Contains(json["steps"]!.AsArray(), s => (string?)s!["id"] == "land-review");
    }

    [Fact]
    public async Task A_clerk_of_another_commune_gets_not_found_as_for_an_unknown_case()
    {
        var graph = await _app.AsAsync(People.ClerkHongAn, m => m.Send(new GetCaseGraph(_case.Id)));

        Assert.Equal(("not-found", null), (graph.Rejection?.Code, graph.ProcedureJson));
    }
}
