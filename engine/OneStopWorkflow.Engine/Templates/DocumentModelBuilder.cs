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
    /// printed on receipts.
    /// </summary>
    public static DocumentModel Build(
        ProcedureDefinition procedure, WorkingCalendar calendar, UnitDirectory units, IReadOnlyList<CaseEvent> trail,
        DocumentIssued issued, LookupPage lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(trail);
        ArgumentNullException.ThrowIfNull(issued);
        var state = CaseState.Replay(trail);
        var people = new HandOverTrail(trail);
        var document = procedure.FindDocument(issued.Document)
            ?? throw new ArgumentException(
                $"Document '{issued.Document}' is not declared by {procedure.Code} v{procedure.Version}.",
                nameof(issued));
        var local = calendar.ToLocal(issued.At);
        string Text(DateTimeOffset? instant) => instant is { } i ? VietnameseText.DateTime(calendar.ToLocal(i)) : "";
        return new DocumentModel
        {
            Form = document.Form ?? "",
            Title = document.Title.Vi,
            DossierCode = state.DossierCode,
            Procedure = new ProcedureInfo(
                procedure.Code.Value, procedure.Version, procedure.Title.Vi, procedure.NationalCode ?? "",
                VietnameseText.StatutoryDeadline(procedure.StatutoryDeadline)),
            IssuingUnit = Unit(units, issued.Actor.Unit),
            ReceivingUnit = Unit(units, state.ReceivingUnit),
            Place = units.PlaceOf(issued.Actor.Unit) ?? units.PlaceOf(state.ReceivingUnit) ?? "",
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
                issued.Actor.User == Actor.System.User ? "" : issued.Actor.Name ?? issued.Actor.User,
                issued.Actor.User == Actor.System.User ? "" : issued.Actor.Position ?? "",
                units.Roles.TryGetValue(issued.Actor.Role, out var role) ? role.Title.Vi : issued.Actor.Role,
                units.Find(issued.Actor.Unit)?.Name.Vi ?? issued.Actor.Unit),
            Lookup = Lookup(lookup, state.DossierCode),
            Book = state.Book is { } book
                ? new BookInfo(book.Volume.ToString("00", CultureInfo.InvariantCulture),
                    book.Number.ToString(CultureInfo.InvariantCulture))
                : new BookInfo("", ""),
            HandOvers = [.. state.Tasks.Select((t, i) =>
                HandOver(procedure, calendar, units, t, i + 1, people.Of(t.Id), issued.At))],
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

    /// <summary>Who handed a task over (activated it) and who took it and did it, as the trail names them.</summary>
    private readonly record struct HandOverPeople(string Giver, string Taker);

    /// <summary>The people of every hand-over, from one pass over the trail.</summary>
    private sealed class HandOverTrail
    {
        private readonly Dictionary<string, EventActor> _givers = new(StringComparer.Ordinal);
        private readonly Dictionary<string, EventActor> _takers = new(StringComparer.Ordinal);

        public HandOverTrail(IReadOnlyList<CaseEvent> trail)
        {
            foreach (var e in trail)
            {
                switch (e)
                {
                    case TaskActivated activated: _givers[activated.Task] = activated.Actor; break;
                    case TaskCompleted completed: _takers[completed.Task] = completed.Actor; break;
                }
            }
        }

        public HandOverPeople Of(string task) =>
            new(NameOf(_givers.GetValueOrDefault(task)), NameOf(_takers.GetValueOrDefault(task)));

        private static string NameOf(EventActor? actor) =>
            actor is null ? ""
            : actor.User == Actor.System.User ? EventActor.SystemName
            : actor.Name ?? actor.User;
    }

    private static HandOver HandOver(
        ProcedureDefinition procedure, WorkingCalendar calendar, UnitDirectory units, TaskState task, int index,
        HandOverPeople people, DateTimeOffset now)
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
            Giver = people.Giver,
            Taker = people.Taker,
        };
    }
}
