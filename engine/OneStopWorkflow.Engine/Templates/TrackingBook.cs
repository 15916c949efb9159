using System.Collections.Immutable;
using OneStopWorkflow.Engine.Calendar;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Diagnostics;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Units;
using Scriban.Syntax;

namespace OneStopWorkflow.Engine.Templates;

/// <summary>Form 07, the tracking book: the register of the dossiers a unit received in a period.</summary>
public sealed record TrackingBookModel(UnitInfo Unit, string From, string To, ImmutableArray<TrackingBookRow> Rows);

public sealed record TrackingBookRow(
    int Index, string DossierCode, string Procedure, string Applicant, string Contact, string HandledBy,
    string Received, string Appointment, string Returned, string Result, string Note);

/// <summary>
/// Builds and renders the tracking book from the cases' states, with the shared template tracking-book.sbn-html.
/// </summary>
public static class TrackingBook
{
    public const string TemplateName = "tracking-book.sbn-html";

    private static readonly string[] ContactFields = ["applicant_address", "applicant_phone"];

    public static TrackingBookModel Build(
        UnitDirectory units, WorkingCalendar calendar, string unit, DateOnly from, DateOnly to,
        IEnumerable<(CaseState State, ProcedureDefinition Procedure)> cases)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(cases);
        string Short(DateTimeOffset? instant) =>
            instant is { } i ? VietnameseText.ShortDateTime(calendar.ToLocal(i)) : "";
        var rows = cases
            // A unit's book holds the dossiers received there and at the units below it: a province's book lists
            // its communes' dossiers.
            .Where(c => units.IsAtOrAbove(unit, c.State.ReceivingUnit))
            .Where(c => DateOnly.FromDateTime(calendar.ToLocal(c.State.ReceivedAt).DateTime) is var day
                && day >= from && day <= to)
            .OrderBy(c => c.State.ReceivedAt).ThenBy(c => c.State.DossierCode, StringComparer.Ordinal)
            .Select((c, i) => new TrackingBookRow(
                i + 1, c.State.DossierCode, c.Procedure.Title.Vi,
                c.State.Fields.GetValueOrDefault("applicant_name") ?? "",
                string.Join(", ", ContactFields.Select(f => c.State.Fields.GetValueOrDefault(f)).OfType<string>()),
                string.Join(", ", c.State.Tasks.Select(t => t.Unit).Where(u => u != unit).Distinct()
                    .Select(u => units.Find(u)?.Name.Vi ?? u)),
                Short(c.State.ReceivedAt), Short(c.State.CurrentAppointment), Short(c.State.FinishedAt),
                Result(c.State, calendar),
                c.State.PromisedAppointment is null ? "" : "Đã xin lỗi, hẹn lại"))
            .ToImmutableArray();
        var info = units.Find(unit);
        return new TrackingBookModel(new UnitInfo(unit, info?.Name.Vi ?? unit, units.ParentOf(unit)?.Name.Vi ?? ""),
            VietnameseText.ShortDate(from), VietnameseText.ShortDate(to), rows);
    }

    public static string Render(ImmutableDictionary<string, TemplateFile> templates, TrackingBookModel model)
    {
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(model);
        var file = templates.GetValueOrDefault(TemplateName)
            ?? throw new InvalidOperationException($"The shared template {TemplateName} is missing.");
        var template = TemplateSandbox.Parse(file);
        if (template.HasErrors)
        {
            throw new TemplateRenderException("tracking-book", 0, "tracking-book", new SourceLocation(file.Path, 1, 1),
                string.Join("; ", template.Messages), null);
        }

        try
        {
            return TemplateSandbox.Render(template, model, templates);
        }
        catch (ScriptRuntimeException ex)
        {
            throw new TemplateRenderException("tracking-book", 0, "tracking-book",
                new SourceLocation(file.Path, ex.Span.Start.Line + 1, ex.Span.Start.Column + 1),
                ex.OriginalMessage, ex);
        }
    }

    private static string Result(CaseState state, WorkingCalendar calendar) => state.Outcome switch
    {
        null => "Đang giải quyết",
        Outcome.Refused => "Từ chối",
        Outcome.Withdrawn => "Rút hồ sơ",
        _ => Deadlines.TimelinessOf(state, calendar) switch
        {
            Timeliness.Early => "Trước hạn",
            Timeliness.OnTime => "Đúng hạn",
            _ => "Quá hạn",
        },
    };
}
