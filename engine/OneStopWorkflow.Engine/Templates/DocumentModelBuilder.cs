using System.Collections.Immutable;
using System.Globalization;
using OneStopWorkflow.Engine.Calendar;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Units;

namespace OneStopWorkflow.Engine.Templates;

/// <summary>
/// Computes the model of a document from the case as it stood right after the document-issued event. The model
/// depends only on the trail up to that event, so rendering the same event again gives the same bytes.
/// </summary>
public static class DocumentModelBuilder
{
    /// <summary>
    /// The model of <c>issued</c>, given the case's trail up to and including it and the public lookup page
    /// printed on receipts. Folds the trail: a caller that holds the state at the event passes it instead.
    /// </summary>
    public static DocumentModel Build(
        ProcedureDefinition procedure, WorkingCalendar calendar, UnitDirectory units, IReadOnlyList<CaseEvent> trail,
        DocumentIssued issued, LookupPage lookup) =>
        Build(procedure, calendar, units, CaseState.Replay(trail), trail, issued, lookup);

    /// <summary>
    /// The model of <c>issued</c>, given the case <paramref name="state"/> right after it and the trail up to and
    /// including it (only the events at the issuing instant are read, for the reason the paper prints).
    /// </summary>
    public static DocumentModel Build(
        ProcedureDefinition procedure, WorkingCalendar calendar, UnitDirectory units, CaseState state,
        IReadOnlyList<CaseEvent> trail, DocumentIssued issued, LookupPage lookup)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(issued);
        var document = procedure.FindDocument(issued.Document)
            ?? throw new ArgumentException(
                $"Document '{issued.Document}' is not declared by {procedure.Code} v{procedure.Version}.",
                nameof(issued));
        return Build(procedure, calendar, units, state, trail, issued.Actor, issued.At, document.Form ?? "",
            document.Title.Vi, lookup);
    }

    /// <summary>
    /// The model of a text the event at <paramref name="at"/> by <paramref name="actor"/> sends, given the trail up
    /// to and including that event: what a document issued then would show, under <paramref name="title"/>.
    /// </summary>
    public static DocumentModel Build(
        ProcedureDefinition procedure, WorkingCalendar calendar, UnitDirectory units, IReadOnlyList<CaseEvent> trail,
        EventActor actor, DateTimeOffset at, string form, string title, LookupPage lookup) =>
        Build(procedure, calendar, units, CaseState.Replay(trail), trail, actor, at, form, title, lookup);

    /// <summary>
    /// The model of a text the event at <paramref name="at"/> by <paramref name="actor"/> sends, given the case
    /// <paramref name="state"/> right after that event and the trail up to and including it, of which only the events
    /// at that instant are read. Nothing is replayed: the writer renders from the state it decided.
    /// </summary>
    public static DocumentModel Build(
        ProcedureDefinition procedure, WorkingCalendar calendar, UnitDirectory units, CaseState state,
        IReadOnlyList<CaseEvent> trail, EventActor actor, DateTimeOffset at, string form, string title,
        LookupPage lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(trail);
        ArgumentNullException.ThrowIfNull(actor);
        var local = calendar.ToLocal(at);
        string Text(DateTimeOffset? instant) => instant is { } i ? VietnameseText.DateTime(calendar.ToLocal(i)) : "";
        return new DocumentModel
        {
            Form = form,
            Title = title,
            DossierCode = state.DossierCode,
            Procedure = new ProcedureInfo(
                procedure.Code.Value, procedure.Version, procedure.Title.Vi, procedure.NationalCode ?? "",
                VietnameseText.StatutoryDeadline(procedure.StatutoryDeadline)),
            IssuingUnit = Unit(units, actor.Unit),
            ReceivingUnit = Unit(units, state.ReceivingUnit),
            Place = units.PlaceOf(actor.Unit) ?? units.PlaceOf(state.ReceivingUnit) ?? "",
            IssuedOn = VietnameseText.Date(DateOnly.FromDateTime(local.DateTime)),
            IssuedAt = VietnameseText.DateTime(local),
            Applicant = new ApplicantInfo(Field(state, "applicant_name"), Field(state, "applicant_address"),
                Field(state, "applicant_phone"), Field(state, "applicant_id_number")),
            Fields = procedure.Fields.ToImmutableSortedDictionary(
                f => f.Name, f => Format(f, Field(state, f.Name)), StringComparer.Ordinal),
            FieldList =
                [.. procedure.Fields.Select(f => new LabelledValue(f.Label.Vi, Format(f, Field(state, f.Name))))],
            Components = Received(procedure, state),
            MissingComponents = [.. (state.Received is { } received
                    ? ComponentValidator.Missing(procedure, received)
                    : [])
                .Select((c, i) => Listed(c, i + 1))],
            Channel = state.Channel == "online" ? "Trực tuyến"
                : state.Channel == "post" ? "Bưu chính"
                : "Trực tiếp",
            ReceivedAt = Text(state.ReceivedAt),
            Appointment = Text(state.Appointment),
            PromisedAppointment = Text(state.PromisedAppointment),
            Reason = ReasonFor(trail),
            // A document the system issues (an escalation's apology) is signed by hand: its name line stays blank.
            // A person is printed by name and position; a trail from before names were kept shows the user.
            Signatory = new Signatory(
                actor.User == Actor.System.User ? "" : actor.Name ?? actor.User,
                actor.User == Actor.System.User ? "" : actor.Position ?? "",
                units.Roles.TryGetValue(actor.Role, out var role) ? role.Title.Vi : actor.Role,
                units.Find(actor.Unit)?.Name.Vi ?? actor.Unit),
            Lookup = Lookup(lookup, state.DossierCode),
            Book = state.Book is { } book
                ? new BookInfo(book.Volume.ToString("00", CultureInfo.InvariantCulture),
                    book.Number.ToString(CultureInfo.InvariantCulture))
                : new BookInfo("", ""),
            HandOvers = [.. state.Tasks.Select((t, i) =>
                HandOver(procedure, calendar, units, t, i + 1, at))],
        };
    }

    /// <summary>
    /// The papers handed in up to the document, in the procedure's order, each in the form and number received. A
    /// case received before papers were recorded prints the procedure's list, as its documents always did.
    /// </summary>
    private static ImmutableArray<ComponentInfo> Received(ProcedureDefinition procedure, CaseState state)
    {
        if (state.Received is not { } received)
        {
            return [.. procedure.Components.Select((c, i) => Listed(c, i + 1))];
        }

        var papers = procedure.Components
            .SelectMany(c => received.Where(r => r.Component == c.Id)
                .OrderBy(r => ReceivedComponent.Forms.IndexOf(r.Form))
                .Select(r => (Definition: c, Paper: r)));
        return [.. papers.Select((p, i) => new ComponentInfo(
            i + 1, p.Definition.Name.Vi, VietnameseText.ComponentForm(p.Paper.Form), p.Paper.Quantity,
            p.Definition.Required))];
    }

    private static ComponentInfo Listed(ComponentDefinition c, int index) =>
        new(index, c.Name.Vi, VietnameseText.ComponentForm(c.Form), c.Quantity, c.Required);

    private static LookupInfo Lookup(LookupPage page, string dossierCode)
    {
        var link = page.LinkTo(dossierCode);
        return new LookupInfo(page.Url, page.Secret, link, page.DrawQrCode?.Invoke(link) ?? "");
    }

    private static UnitInfo Unit(UnitDirectory units, string code)
    {
        var unit = units.Find(code);
        return new UnitInfo(code, unit?.Name.Vi ?? code, units.ParentOf(code)?.Name.Vi ?? "");
    }

    private static string Field(CaseState state, string name) => state.Fields.GetValueOrDefault(name) ?? "";

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private static string Format(FieldDefinition field, string value) => VietnameseText.FieldValue(field, value);

    private const string OverdueReason = "Hồ sơ chưa thể giải quyết xong trong thời hạn đã hẹn";

    /// <summary>
    /// The reason the event that issued the document gave: an action's input, a new date's or a stop's reason.
    /// </summary>
    private static string ReasonFor(IReadOnlyList<CaseEvent> trail)
    {
        for (var i = trail.Count - 2; i >= 0 && trail[i].At == trail[^1].At; i--)
        {
            switch (trail[i])
            {
                case TaskCompleted c when c.Input.TryGetValue("reason", out var reason): return reason;
                case CaseRescheduled r: return r.Actor.User == Actor.System.User ? OverdueReason : r.Reason;
                case CaseFinished f when f.Reason is not null: return f.Reason;
                case EscalationFired: return OverdueReason;
                default: break;
            }
        }

        return "";
    }

    /// <summary>A hand-over's person as the slip prints them: a name, the system's, or an old trail's user.</summary>
    private static string NameOf(EventActor? actor) =>
        actor is null ? ""
        : actor.User == Actor.System.User ? EventActor.SystemName
        : actor.Name ?? actor.User;

    private static HandOver HandOver(
        ProcedureDefinition procedure, WorkingCalendar calendar, UnitDirectory units, TaskState task, int index,
        DateTimeOffset now)
    {
        // An open step already past its due time is late now, not merely "being processed".
        var result = task.CompletedAt is not { } done
            ? task.Due is { } open && now > open && !task.Cancelled ? "Quá hạn" : "Đang giải quyết"
            : task.Cancelled ? "Đã hủy"
            : task.Due is not { } due ? "Không tính hạn"
            : done > due ? "Quá hạn"
            : calendar.ToLocal(done).Date < calendar.ToLocal(due).Date ? "Trước hạn"
            : "Đúng hạn";
        return new HandOver(index, procedure.Step(task.Step).Title.Vi, units.Find(task.Unit)?.Name.Vi ?? task.Unit,
            VietnameseText.ShortDateTime(calendar.ToLocal(task.ActivatedAt)),
            task.Due is { } d ? VietnameseText.ShortDateTime(calendar.ToLocal(d)) : "",
            task.CompletedAt is { } c ? VietnameseText.ShortDateTime(calendar.ToLocal(c)) : "", result)
        {
            Giver = NameOf(task.ActivatedBy),
            Taker = NameOf(task.CompletedBy),
        };
    }
}
