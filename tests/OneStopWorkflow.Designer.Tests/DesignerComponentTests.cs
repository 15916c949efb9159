using System.Collections.Immutable;
using Bunit;
using MudBlazor.Services;
using OneStopWorkflow.Designer.Designing;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Diagnostics;

namespace OneStopWorkflow.Designer.Tests;

/// <summary>bUnit tests of the designer's properties panel and diagnostics list.</summary>
public sealed class DesignerComponentTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();

    public ValueTask InitializeAsync()
    {
        _ctx.Services.AddMudServices();
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _ctx.DisposeAsync();

    private static DraftDocument LandTransfer() =>
        DraftDocument.Parse(
            File.ReadAllText(Repository.PathOf("procedures", "land-use-transfer", "v1", "procedure.json")), out _)!;

    [Fact]
    public void The_properties_panel_edits_budget_and_actions_of_the_selected_step()
    {
        var draft = LandTransfer();
        var changes = new List<string?>();
        var panel = _ctx.Render<StepProperties>(p => p
            .Add(c => c.Document, draft).Add(c => c.Step, draft.Step("land-review"))
            .Add(c => c.OnChanged, (string? selected) => changes.Add(selected)));

        panel.Find("#prop-budget").Change("6");
        panel.Find("#new-action-id").Change("skip");
        panel.Find("#new-action-to").Change("nowhere");
        panel.Find("#add-action").Click();
        panel.Find("#insert-after").Click();

        Assert.Equal((6m, true), DraftDocument.Budget(draft.Step("land-review")!));
        Assert.Equal("nowhere", (string?)draft.Action("land-review", "skip")?["to"]);
        Assert.Equal(["land-review", "land-review", "new-step"], changes);
        Assert.Equal("new-step", (string?)draft.Action("land-review", "send-to-tax")?["to"]);
    }

    [Fact]
    public void A_read_only_panel_offers_no_edits()
    {
        var draft = LandTransfer();

        var panel = _ctx.Render<StepProperties>(p => p
            .Add(c => c.Document, draft).Add(c => c.Step, draft.Step("intake")).Add(c => c.ReadOnly, true));

        Assert.Empty(panel.FindAll("#add-action"));
        Assert.Empty(panel.FindAll("#insert-after"));
        Assert.True(panel.Find("#prop-budget").HasAttribute("disabled"));
    }

    [Fact]
    public void Clicking_a_diagnostic_selects_the_step_it_points_at()
    {
        ImmutableArray<Diagnostic> diagnostics =
        [
            new("OSW1101", Severity.Error, "Action 'skip' of step 'land-review' targets unknown step 'nowhere'.",
                new SourceLocation("procedure.json", 90, 3, "$.steps[2].actions[3].to")),
            new("OSW3002", Severity.Warning, "Calendar 'vn' has no data for 2027.",
                new SourceLocation("procedure.json", 1, 1)),
        ];
        string? selected = null;
        var list = _ctx.Render<DiagnosticsList>(p => p
            .Add(c => c.Diagnostics, diagnostics)
            .Add(c => c.StepIds, ["intake", "await-intake-supplement", "land-review"])
            .Add(c => c.OnSelectStep, (string step) => selected = step));

        list.Find("li[data-code=OSW1101]").Click();

        Assert.Equal("land-review", selected);
        Assert.Contains("diag-error", list.Find("li[data-code=OSW1101]").ClassName, StringComparison.Ordinal);
        Assert.Contains("diag-warning", list.Find("li[data-code=OSW3002]").ClassName, StringComparison.Ordinal);
    }
}
