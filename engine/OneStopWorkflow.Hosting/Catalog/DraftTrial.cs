using System.Collections.Immutable;
using System.Globalization;
using System.Net;
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
                new ReceiveCommand(new Actor("preview", [new Membership(unit, "clerk")]), new CaseId("preview"), unit)
                {
                    Fields = SampleFields(procedure), Secret = PreviewSecret,
                    Components = ReceivedComponent.AsListed(procedure), Book = new TrackingBookEntry(1, 1),
                });
            if (decision.IsRejected)
            {
                return string.Join("<br>", decision.Rejections.Select(r => WebUtility.HtmlEncode(r.Message)));
            }

            var events = decision.Events.ToList();
            var issued = new DocumentIssued(events[^1].At, new EventActor("preview", "clerk", unit), documentId,
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
    /// Runs a scenario of the draft in the simulator: its report, or no report and the diagnostics of the scenario
    /// text (located in <c>scenario.json</c>, the name the editor gives it).
    /// </summary>
    public static (string? Report, ImmutableArray<Diagnostic> Diagnostics) Run(
        ProcedureDefinition procedure, CatalogContext context, string scenarioJson)
    {
        var parsed = ScenarioRunner.Parse(scenarioJson, "scenario.json");
        if (parsed.Scenario is not { } scenario)
        {
            return (null, parsed.Diagnostics);
        }

        var decision = new DecisionContext(procedure, "draft", context.Calendars[procedure.Calendar], context.Units,
            DateTimeOffset.UnixEpoch);
        return (ScenarioRunner.Run(decision, scenario), parsed.Diagnostics);
    }

    /// <summary>
    /// The first sample scenario of the procedure in the catalog folder, to start from; nothing for a code that
    /// is not a procedure code, so the name never leaves the catalog folder.
    /// </summary>
    public static async Task<string> FirstSampleAsync(
        string catalogRoot, string code, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(catalogRoot, code);
        if (!IsProcedureCode(code) || !Directory.Exists(folder))
        {
            return "";
        }

        var first = Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "samples"
                && !f.EndsWith(".expected.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).FirstOrDefault();
        return first is null ? "" : await File.ReadAllTextAsync(first, cancellationToken);
    }

    private static ImmutableDictionary<string, string> SampleFields(ProcedureDefinition procedure) =>
        procedure.Fields.ToImmutableDictionary(f => f.Name, f => f.Type switch
        {
            FieldType.Number or FieldType.WholeNumber => "1",
            FieldType.Date => "2026-02-27",
            FieldType.Boolean => "false",
            FieldType.Choice => f.Choices.FirstOrDefault() ?? "",
            _ => f.Name.Contains("name", StringComparison.Ordinal) ? "Nguyễn Văn An" : "Mẫu 01",
        });

    private static bool IsProcedureCode(string code) =>
        code.Length > 0 && code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
