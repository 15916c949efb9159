using System.Collections.Immutable;
using System.Globalization;
using Bunit;
using MudBlazor.Services;
using OneStopWorkflow.Designer.Designing;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Diagnostics;
using OneStopWorkflow.Engine.Units;

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

    private static UnitDirectory HaiPhong() =>
        UnitDirectoryLoader.Load(
            File.ReadAllText(Repository.PathOf("procedures", "units", "hai-phong.json")), "units/hai-phong.json")
            .Directory!;

    private IRenderedComponent<StepProperties> Panel(DraftDocument draft, string step, List<string?> changes) =>
        _ctx.Render<StepProperties>(p => p
            .Add(c => c.Document, draft).Add(c => c.Step, draft.Step(step)).Add(c => c.Units, HaiPhong())
            .Add(c => c.OnChanged, (string? selected) => changes.Add(selected)));

    private static IRenderedComponent<MudBlazor.MudSelect<string>> Picker(
        IRenderedComponent<StepProperties> panel, string name) =>
        panel.FindComponents<MudBlazor.MudSelect<string>>()
            .Single(c => (c.Instance.Class ?? "").Split(' ').Contains(name, StringComparer.Ordinal));

    /// <summary>A choice in the picker of class <paramref name="name"/>, as the person's click reaches it.</summary>
    private static Task ChooseAsync(IRenderedComponent<StepProperties> panel, string name, string value)
    {
        var select = Picker(panel, name);
        return panel.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
    }

    [Fact]
    public async Task The_properties_panel_edits_budget_and_actions_of_the_selected_step()
    {
        var draft = LandTransfer();
        var changes = new List<string?>();
        var panel = Panel(draft, "land-review", changes);

        panel.Find("#prop-budget").Change("6");
        panel.Find("#new-action-id").Change("skip");
        await ChooseAsync(panel, "pick-new-action-to", "sign-off");
        panel.Find("#add-action").Click();
        await ChooseAsync(panel, "pick-target-skip", "return-result");
        panel.Find("#insert-after").Click();

        Assert.Equal((6m, true), DraftDocument.Budget(draft.Step("land-review")!));
        Assert.Equal("return-result", (string?)draft.Action("land-review", "skip")?["to"]);
        Assert.Equal(["land-review", "land-review", "land-review", "new-step"], changes);
        Assert.Equal("new-step", (string?)draft.Action("land-review", "send-to-tax")?["to"]);
    }

    [Fact]
    public async Task An_action_added_without_an_id_is_named_after_its_target_step_in_both_languages()
    {
        var draft = LandTransfer();
        var panel = Panel(draft, "update-certificate", []);

        await ChooseAsync(panel, "pick-new-action-to", "return-result");
        panel.Find("#add-action").Click();

        var action = draft.Action("update-certificate", "to-return-result")!;
        Assert.Equal("return-result", (string?)action["to"]);
        Assert.Equal("Chuyển đến «Trả kết quả cho người nộp»", (string?)action["title"]?["vi"]);
        Assert.StartsWith("Send to “", (string?)action["title"]?["en"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Role_and_unit_are_chosen_by_name_and_stored_as_the_draft_stores_them()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi-VN");
        var draft = LandTransfer();
        var panel = Panel(draft, "update-certificate", []);

        Assert.Equal("Viên chức đăng ký đất đai", panel.Find("#prop-role input").GetAttribute("value"));
        Assert.Equal("step:land-review", panel.Find("#prop-unit").GetAttribute("data-value"));
        await ChooseAsync(panel, "pick-role", "tax-officer");
        await ChooseAsync(panel, "pick-unit-kind", "fixed");
        var search = panel.FindComponent<MudBlazor.MudAutocomplete<string>>();
        var searchUnits = search.Instance.SearchFunc ?? throw new InvalidOperationException("No search.");
        var found = (await searchUnits("đăng ký đất đai", CancellationToken.None)!).ToList();
        await panel.InvokeAsync(() => search.Instance.ValueChanged.InvokeAsync(found[0]));

        Assert.Equal("tax-officer", (string?)draft.Step("update-certificate")!["role"]);
        Assert.StartsWith("HP.VPDKDD", (string?)draft.Step("update-certificate")!["unit"], StringComparison.Ordinal);
        await ChooseAsync(panel, "pick-unit-kind", "receiving");
        Assert.Equal("receiving", (string?)draft.Step("update-certificate")!["unit"]);
    }

    [Fact]
    public async Task An_action_issues_the_documents_chosen_from_the_procedure_templates()
    {
        var draft = LandTransfer();
        var panel = Panel(draft, "land-review", []);
        var documents = Picker(panel, "pick-documents-send-to-tax");

        await panel.InvokeAsync(() => documents.Instance.SelectedValuesChanged.InvokeAsync(["receipt"]));

        Assert.Equal(["receipt"], DraftDocument.ActionDocuments(draft.Action("land-review", "send-to-tax")!));
        await panel.InvokeAsync(() => documents.Instance.SelectedValuesChanged.InvokeAsync([]));
        Assert.Null(draft.Action("land-review", "send-to-tax")!["documents"]);
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
    public async Task Diagnostics_read_as_sentences_naming_the_step_and_clicking_one_selects_it()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi-VN");
        ImmutableArray<Diagnostic> diagnostics =
        [
            Diagnostic.Error("OSW1101", "Action 'skip' of step 'land-review' targets unknown step 'nowhere'.",
                    new SourceLocation("procedure.json", 90, 3, "$.steps[2].actions[3].to"))
                .As("action").With("step", new LocalizedText("Thẩm định hồ sơ", "Review the dossier"))
                .With("action", "skip").With("target", "nowhere"),
            new("OSW1004", Severity.Error, "$.steps[0].budget.workingDays must be a number.",
                new SourceLocation("procedure.json", 12, 9, "$.steps[0].budget")),
            new("OSW3002", Severity.Warning, "Calendar 'vn' has no data for 2027.",
                new SourceLocation("procedure.json", 1, 1)),
        ];
        string? selected = null;
        var list = _ctx.Render<DiagnosticsList>(p => p
            .Add(c => c.Diagnostics, diagnostics)
            .Add(c => c.StepIds, ["intake", "await-intake-supplement", "land-review"])
            .Add(c => c.StepTitles, [new("Tiếp nhận", "Intake"), new("Chờ bổ sung", "Wait"),
                new("Thẩm định hồ sơ", "Review the dossier")])
            .Add(c => c.OnSelectStep, (string step) => selected = step));

        await list.InvokeAsync(() => list.Find("li[data-code=OSW1101]").Click());

        Assert.Equal("land-review", selected);
        Assert.Equal(
            "Thao tác «skip» của bước «Thẩm định hồ sơ» dẫn tới bước «nowhere» không có trong quy trình; "
                + "hãy chọn bước đích khác.",
            list.Find("li[data-code=OSW1101] .diag-text").TextContent);
        Assert.StartsWith("Bước «Tiếp nhận»: ", list.Find("li[data-code=OSW1004] .diag-text").TextContent,
            StringComparison.Ordinal);
        Assert.Contains("OSW1101", list.Find("li[data-code=OSW1101] small.diag-code").TextContent,
            StringComparison.Ordinal);
        Assert.Contains("procedure.json(90,3)", list.Find("li[data-code=OSW1101]").GetAttribute("title"),
            StringComparison.Ordinal);
        Assert.Contains("diag-error", list.Find("li[data-code=OSW1101]").ClassName, StringComparison.Ordinal);
        Assert.Contains("diag-warning", list.Find("li[data-code=OSW3002]").ClassName, StringComparison.Ordinal);
    }
}
