using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Text.Json;
using OneStopWorkflow.Engine.Calendar;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Diagnostics;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Simulation;
using OneStopWorkflow.Engine.Templates;
using OneStopWorkflow.Engine.Units;

namespace OneStopWorkflow.Hosting.Catalog;

/// <summary>Trying a draft before publishing: a document rendered on a sample case and a sample scenario run.</summary>
internal static class DraftTrial
{
    private static readonly DateTimeOffset SampleReceipt =
        DateTimeOffset.Parse("2026-03-02T09:00:00+07:00", CultureInfo.InvariantCulture);

    private const string ScenarioFile = "scenario.json";

    /// <summary>The lookup secret a previewed receipt prints.</summary>
    private const string PreviewSecret = "a1b2c3d4";

    /// <summary>
    /// Renders <paramref name="documentId"/> as issued on a case received at a commune with fields filled from
    /// their types, entered first in the year's book.
    /// </summary>

    public static string Preview(
        ProcedureDefinition procedure, CatalogContext context, string documentId, LookupPage lookup)
    {
        if (procedure.Templates is not { } templates)
        {
            return "";
        }

        try
        {
            var calendar = context.Calendars[procedure.Calendar];
            var unit = context.Units.Units.First(u => u.Level == Jurisdiction.Commune).Code;
            var decision = Workflow.Decide(
                new DecisionContext(procedure, "preview", calendar, context.Units, SampleReceipt), null,
                new ReceiveCommand(PreviewClerk(unit), new CaseId("preview"), unit)
                {
                    Fields = SampleValues.For(procedure), Secret = PreviewSecret,
                    Components = ReceivedComponent.AsListed(procedure), Book = new TrackingBookEntry(1, 1),
                });
            if (decision.IsRejected)
            {
                return string.Join("<br>", decision.Rejections.Select(r => WebUtility.HtmlEncode(r.Message)));
            }

            var events = decision.Events.ToList();
            var issued = new DocumentIssued(events[^1].At, EventActor.Of(PreviewClerk(unit), "clerk", unit), documentId,
                procedure.FindDocument(documentId)?.Form, null);
            events.Add(issued);
            return templates.Render(documentId,
                DocumentModelBuilder.Build(
                    procedure, calendar, context.Units, events, issued, lookup with { Secret = PreviewSecret }));
        }
        catch (Exception ex) when (ex is TemplateRenderException or InvalidOperationException or ArgumentException)
        {
            return ex.Message;
        }
    }

    /// <summary>
    /// Runs a scenario of the draft in the simulator: its report and its story, or neither and the diagnostics of
    /// the scenario text (located in <c>scenario.json</c>, the name the editor gives it).
    /// </summary>
    public static (string? Report, TrialRun? Trial, ImmutableArray<Diagnostic> Diagnostics) Run(
        ProcedureDefinition procedure, CatalogContext context, string scenarioJson, LookupPage lookup)
    {
        var parsed = ScenarioRunner.Parse(scenarioJson, ScenarioFile);
        if (parsed.Scenario is not { } scenario)
        {
            return (null, null, parsed.Diagnostics);
        }

        var calendar = context.Calendars[procedure.Calendar];
        var decision = new DecisionContext(procedure, "draft", calendar, context.Units, DateTimeOffset.UnixEpoch);
        try
        {
            var outcome = ScenarioRunner.Execute(decision, scenario);
            var report = ScenarioRunner.Report(outcome.Context, outcome.State, outcome.Events, outcome.Rejections);
            // The receipt prints the secret its command carried, as the host renders it while deciding.
            var trial = TrialStory.Tell(outcome, lookup with { Secret = scenario.Steps[0].Command.Secret });
            return (report, trial, parsed.Diagnostics);
        }
        catch (CalendarYearMissingException ex)
        {
            // An instant the calendar has no year for is the scenario's mistake, not the engine's.
            return (null, null, parsed.Diagnostics.Add(new Diagnostic("OSW1607", Severity.Error,
                $"The scenario reaches a year the calendar '{calendar.Name}' does not hold ({ex.Message}); "
                + $"keep its instants within {string.Join(", ", calendar.Years)}.",
                SourceLocation.InFile(ScenarioFile))));
        }
    }

    /// <summary>
    /// The first sample scenario of the procedure in the catalog folder, to start from; nothing for a code that
    /// is not a procedure code, so the name never leaves the catalog folder.
    /// </summary>
    public static async Task<string> FirstSampleAsync(
        string catalogRoot, string code, CancellationToken cancellationToken) =>
        (await SamplesAsync(catalogRoot, code, cancellationToken)).FirstOrDefault()?.Json ?? "";

    /// <summary>
    /// The sample scenarios the catalog folder ships for the procedure (every version's <c>samples/</c>), by name;
    /// none for a code that is not a procedure code.
    /// </summary>
    public static async Task<ImmutableArray<NamedScenario>> SamplesAsync(
        string catalogRoot, string code, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(catalogRoot, code);
        if (!IsProcedureCode(code) || !Directory.Exists(folder))
        {
            return [];
        }

        var files = Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "samples"
                && !f.EndsWith(".expected.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        var samples = ImmutableArray.CreateBuilder<NamedScenario>();
        foreach (var file in files)
        {
            var json = await File.ReadAllTextAsync(file, cancellationToken);
            samples.Add(new NamedScenario(Path.GetFileNameWithoutExtension(file), DescriptionOf(json), json));
        }

        return samples.ToImmutable();
    }

    private static string DescriptionOf(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("description", out var d)
                && d.ValueKind == JsonValueKind.String
                ? d.GetString() ?? ""
                : "";
        }
        catch (JsonException)
        {
            // A sample that does not parse still opens: running it shows its diagnostics.
            return "";
        }
    }

    /// <summary>The clerk a preview is issued by, named as on a real paper rather than by a user id.</summary>
    private static Actor PreviewClerk(string unit) =>
        new("preview", [new Membership(unit, "clerk") { Position = "Công chức Bộ phận Một cửa" }])
        {
            Name = "Nguyễn Thị Lan",
        };

    private static bool IsProcedureCode(string code) =>
        code.Length > 0 && code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
