using System.Collections.Immutable;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Json;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Templates;
using OneStopWorkflow.Hosting.Catalog;

namespace OneStopWorkflow.Hosting.Cases;

/// <summary>A task as shown to users, with its deadline status now.</summary>
public sealed record TaskView(
    string Id, string Step, string Unit, string? Role, DateTimeOffset ActivatedAt, DateTimeOffset? Due,
    DateTimeOffset? CompletedAt, string? Action, string Status, string? DeadlineStatus)
{
    /// <summary>The step, the unit and the role as people name them.</summary>
    public LocalizedText? StepTitle { get; init; }

    public LocalizedText? UnitName { get; init; }

    public LocalizedText? RoleTitle { get; init; }

    /// <summary>Who the step waits for (the applicant's supplement, an agency's answer); null for work.</summary>
    public WaitParty? Awaits { get; init; }
}

/// <summary>
/// A case as shown to users: where it stands, its deadlines and tasks. Instants are in the calendar's local time.
/// </summary>
public sealed record CaseView
{
    public required string Id { get; init; }
    public required string DossierCode { get; init; }
    public required string Procedure { get; init; }
    public required int ProcedureVersion { get; init; }
    public required string ProcedureTitle { get; init; }
    public required string ReceivingUnit { get; init; }
    public required string Channel { get; init; }
    public required string Status { get; init; }
    public string? DeadlineStatus { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public DateTimeOffset? Appointment { get; init; }
    public DateTimeOffset? PromisedAppointment { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public string? Outcome { get; init; }
    public string? Timeliness { get; init; }
    public required ImmutableDictionary<string, string> Fields { get; init; }

    /// <summary>The procedure's label of each field, in Vietnamese, for showing the fields to people.</summary>
    public ImmutableDictionary<string, string> FieldLabels { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>
    /// The fields as people read them, in the procedure's order: label and value written the Vietnamese way
    /// (dates dd/MM/yyyy, decimal commas, Có/Không).
    /// </summary>
    public ImmutableArray<FieldLine> Lines { get; init; } = [];
    public required ImmutableArray<TaskView> Tasks { get; init; }

    /// <summary>
    /// The procedure's components with what has been handed in of each; empty for a case received before papers
    /// were recorded.
    /// </summary>
    public ImmutableArray<ComponentLine> Components { get; init; } = [];

    /// <summary>Required fields the case does not have yet: left out of a supplement request at intake.</summary>
    public ImmutableArray<FieldDefinition> MissingFields { get; init; } = [];

    /// <summary>
    /// Working hours left until the appointment (negative when overdue); null when finished, paused or not started.
    /// </summary>
    public decimal? WorkingHoursLeft { get; init; }

    /// <summary>Working hours in a day on the case's calendar, to say the time left in days and hours.</summary>
    public decimal HoursPerDay { get; init; } = 8;

    /// <summary>When the electronic result was filed (local time); null while there is none.</summary>
    public DateTimeOffset? EResultAt { get; init; }

    /// <summary>The case has an electronic result to file that is not filed yet (printed shortly).</summary>
    public bool EResultDue { get; init; }

    /// <summary>The number of events on the trail: pass it back as ExpectedVersion to act on what you saw.</summary>
    public required int Version { get; init; }

    public static CaseView Of(CaseState state, LoadedVersion version, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(version);
        var calendar = version.Calendar;
        DateTimeOffset? Local(DateTimeOffset? instant) => instant is { } i ? calendar.ToLocal(i) : null;
        return new CaseView
        {
            Id = state.Id.Value, DossierCode = state.DossierCode, Procedure = state.Procedure.Value,
            ProcedureVersion = state.ProcedureVersion, ProcedureTitle = version.Procedure.Title.Vi,
            ReceivingUnit = state.ReceivingUnit, Channel = state.Channel,
            Status = Kebab(state.Status)!,
            DeadlineStatus = Kebab(Deadlines.StatusOf(state, version.Procedure, calendar, now)),
            ReceivedAt = calendar.ToLocal(state.ReceivedAt), Appointment = Local(state.Appointment),
            PromisedAppointment = Local(state.PromisedAppointment), FinishedAt = Local(state.FinishedAt),
            Outcome = Kebab(state.Outcome), Timeliness = Kebab(Deadlines.TimelinessOf(state, calendar)),
            Fields = state.Fields, Version = state.Version,
            FieldLabels = version.Procedure.Fields.ToImmutableDictionary(
                f => f.Name, f => f.Label.Vi, StringComparer.Ordinal),
            Lines = [.. version.Procedure.Fields.Where(f => state.Fields.ContainsKey(f.Name))
                .Select(f => new FieldLine(f.Name, f.Label, FieldValueText.Of(f, state.Fields[f.Name])))],
            WorkingHoursLeft =
                state.IsFinished || state.PausedSince is not null || state.Appointment is not { } appointment ? null
                : now <= appointment ? Math.Round((decimal)calendar.WorkingTimeBetween(now, appointment).TotalHours, 1)
                : -Math.Round((decimal)calendar.WorkingTimeBetween(appointment, now).TotalHours, 1),
            Tasks = [.. state.Tasks.Select(t => new TaskView(
                t.Id, t.Step.Value, t.Unit, t.Role,
                calendar.ToLocal(t.ActivatedAt), Local(t.Due), Local(t.CompletedAt), t.Action,
                Kebab(t.Status)!,
                t.Due is { } due
                    ? Kebab(Deadlines.StatusOf(calendar, due, t.CompletedAt ?? now, version.Procedure.DueSoon))
                    : null)
            {
                StepTitle = version.Procedure.FindStep(t.Step)?.Title,
                UnitName = version.Units.Find(t.Unit)?.Name,
                RoleTitle = t.Role is { } role && version.Units.Roles.TryGetValue(role, out var r) ? r.Title : null,
                Awaits = version.Procedure.FindStep(t.Step)?.Awaits,
            })],
            HoursPerDay = calendar.HoursPerDay,
            Components = ComponentsOf(state, version.Procedure),
            MissingFields = [.. version.Procedure.Fields
                .Where(f => f.Required && string.IsNullOrEmpty(state.Fields.GetValueOrDefault(f.Name)))],
            EResultAt = Local(state.EResultAt), EResultDue = Engine.Runtime.EResultDue.IsDue(version.Procedure, state),
        };
    }

    private static ImmutableArray<ComponentLine> ComponentsOf(CaseState state, ProcedureDefinition procedure)
    {
        if (state.Received is not { } received)
        {
            return [];
        }

        var missing = ComponentValidator.Missing(procedure, received);
        return [.. procedure.Components.Select(c => new ComponentLine(
            c.Id, c.Name, c.Required, c.Form, c.Quantity, [.. received.Where(r => r.Component == c.Id)],
            missing.Contains(c)))];
    }

    private static string? Kebab(Enum? value) => value is null ? null : Names.Kebab(value.ToString());
}
