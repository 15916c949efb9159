using System.Globalization;
using OneStopWorkflow.Engine.Calendar;
using OneStopWorkflow.Engine.Diagnostics;
using OneStopWorkflow.Engine.Units;

namespace OneStopWorkflow.Engine.Definitions;

/// <summary>
/// Checks a read procedure against itself and its catalog: routing, units, roles, documents, calendar.
/// </summary>
internal static class ProcedureValidator
{
    public static void Validate(
        ProcedureDefinition procedure, ProcedureSource source, CatalogContext context, DiagnosticBag d)
    {
        CheckStepIds(procedure, d);
        CheckTargets(procedure, d);
        CheckShapes(procedure, d);
        ProcedureGraph.CheckReachability(procedure, d);
        CheckUnitsAndRoles(procedure, context.Units, d);
        CheckDocuments(procedure, source, context, d);
        CheckReceivableAt(procedure, d);
        if (context.Calendars.TryGetValue(procedure.Calendar, out var calendar))
        {
            ProcedureGraph.CheckBudgets(procedure, calendar.HoursPerDay, d);
            CheckCalendarYears(procedure, calendar, context, d);
        }
        else
        {
            var hint = Spelling.Suggest(procedure.Calendar, context.Calendars.Keys) is { } s
                ? $" Did you mean '{s}'?"
                : "";
            d.Add(Diagnostic.Error("OSW3005",
                    $"Calendar '{procedure.Calendar}' is not in procedures/calendars/.{hint} "
                    + $"Known: {string.Join(", ", context.Calendars.Keys.Order(StringComparer.Ordinal))}.",
                    procedure.Location)
                .With("calendar", procedure.Calendar));
            ProcedureGraph.CheckBudgets(procedure, 8, d);
        }
    }

    private static void CheckStepIds(ProcedureDefinition procedure, DiagnosticBag d)
    {
        var seen = new HashSet<StepId>();
        foreach (var step in procedure.Steps.Where(step => !seen.Add(step.Id)))
        {
            d.Add(Diagnostic.Error("OSW1005", $"Step id '{step.Id}' is used twice; give each step its own id.",
                step.Location).With("step", step.Title).With("id", step.Id.Value));
        }
    }

    private static void CheckTargets(ProcedureDefinition procedure, DiagnosticBag d)
    {
        var ids = procedure.Steps.Select(s => s.Id.Value).ToHashSet(StringComparer.Ordinal);
        if (!ids.Contains(procedure.Start.Value))
        {
            Unknown(Diagnostic.Error("OSW1101", "The start step", procedure.Location).As("start"),
                procedure.Start, ids, d);
        }

        foreach (var step in procedure.Steps)
        {
            foreach (var action in step.Actions.Where(a => !ids.Contains(a.To.Value)))
            {
                var what = Diagnostic.Error(
                    "OSW1101", $"Action '{action.Id}' of step '{step.Id}' targets", action.Location);
                Unknown(what.As("action").With("step", step.Title).With("action", action.Title), action.To, ids, d);
            }

            var others = step.Branches.Select(b => ("branch", b))
                .Concat(step.Next is { } n ? [("next", n)] : [])
                .Concat(step.Join is { } j ? [("join", j)] : [])
                .Concat(step.ResubmitTo is { } r ? [("resubmitTo", r)] : [])
                .Concat(step.Unit.Kind == UnitAssignmentKind.SameAsStep
                    ? [("unit", new StepId(step.Unit.Value!))]
                    : []);
            foreach (var (what, target) in others.Where(t => !ids.Contains(t.Item2.Value)))
            {
                Unknown(Diagnostic.Error("OSW1101", $"The {what} of step '{step.Id}' names", step.Location)
                    .With("step", step.Title).With("what", Reference(what)), target, ids, d);
            }
        }
    }

    private static LocalizedText Reference(string what) => what switch
    {
        "next" => new("bước tiếp theo", "next step"),
        "branch" => new("nhánh song song", "parallel branch"),
        "join" => new("điểm hợp nhánh", "join"),
        "resubmitTo" => new("nơi nhận hồ sơ bổ sung", "resubmission step"),
        "unit" => new("đơn vị theo bước", "unit of step"),
        _ => new(what, what),
    };

    /// <summary>Completes an OSW1101 begun with the words of what names the unknown step.</summary>
    private static void Unknown(Diagnostic what, StepId target, HashSet<string> ids, DiagnosticBag d)
    {
        var hint = Spelling.Suggest(target.Value, ids) is { } s ? $" Did you mean '{s}'?" : "";
        d.Add((what with { Message = $"{what.Message} unknown step '{target}'.{hint}" })
            .With("target", target.Value));
    }

    private static void CheckShapes(ProcedureDefinition procedure, DiagnosticBag d)
    {
        foreach (var step in procedure.Steps)
        {
            var problem = step.Kind switch
            {
                StepKind.Task when step.Actions.IsEmpty =>
                    ("OSW1104", (string?)null,
                        $"Task step '{step.Id}' has no action, so a case there could never move; add one."),
                StepKind.Task or StepKind.Wait
                    when step.Role is null && !(step.Kind == StepKind.Wait && step.Awaits == WaitParty.Applicant) =>
                    ("OSW1003", "role", $"Step '{step.Id}' needs a 'role': who works it."),
                StepKind.Wait when step.Awaits is null =>
                    ("OSW1107", "awaits",
                        $"Wait step '{step.Id}' must say what it awaits: \"applicant\" or \"agency\"."),
                StepKind.Wait when step.Awaits == WaitParty.Applicant && step.ResubmitTo is null =>
                    ("OSW1107", "resubmit", $"Wait step '{step.Id}' awaits the applicant; "
                        + "say where a resubmission goes with 'resubmitTo'."),
                StepKind.Wait when step.Awaits == WaitParty.Agency && step.Actions.IsEmpty =>
                    ("OSW1107", "agency", $"Wait step '{step.Id}' awaits an agency; "
                        + "add the action an officer takes to record its answer."),
                StepKind.Parallel when step.Branches.Length < 2 || step.Join is null =>
                    ("OSW1106", "parallel",
                        $"Parallel step '{step.Id}' needs at least two 'branches' and the 'join' where they meet."),
                StepKind.Join or StepKind.Auto when step.Next is null =>
                    ("OSW1106", "next", $"Step '{step.Id}' needs 'next': the step that follows it."),
                StepKind.End when step.Outcome is null =>
                    ("OSW1003", "outcome", $"End step '{step.Id}' needs an 'outcome': resolved, refused or withdrawn."),
                _ => default,
            };
            if (problem.Item1 is not null)
            {
                d.Add(Diagnostic.Error(problem.Item1, problem.Item3, step.Location).As(problem.Item2)
                    .With("step", step.Title));
            }
        }
    }

    private static void CheckUnitsAndRoles(ProcedureDefinition procedure, UnitDirectory units, DiagnosticBag d)
    {
        foreach (var step in procedure.Steps)
        {
            if (step.Unit.Kind == UnitAssignmentKind.Fixed)
            {
                CheckUnit(step.Unit.Value!, $"Step '{step.Id}'", step.Location, units, d, step.Title);
            }

            if (step.Role is { } role)
            {
                CheckRole(role, $"Step '{step.Id}'", step.Location, units, d, step.Title);
            }
        }

        foreach (var role in procedure.WithdrawalRoles)
        {
            CheckRole(role, "$.withdrawal.by", procedure.WithdrawalLocation, units, d);
        }

        foreach (var escalation in procedure.Steps.SelectMany(s => s.Escalations).Concat(procedure.Escalations))
        {
            if (escalation.ReassignTo is { } target && target != "parent")
            {
                CheckUnit(target, $"Escalation '{escalation.Id}'", escalation.Location, units, d);
            }

            if (escalation.Notify is { } notify)
            {
                CheckRole(notify, $"Escalation '{escalation.Id}'", escalation.Location, units, d);
            }
        }
    }

    private static void CheckUnit(
        string code, string who, SourceLocation at, UnitDirectory units, DiagnosticBag d, LocalizedText? step = null)
    {
        if (units.Find(code) is not null)
        {
            return;
        }

        var hint = Spelling.Suggest(code, units.Units.Select(u => u.Code)) is { } s ? $" Did you mean '{s}'?" : "";
        var diagnostic = Diagnostic.Error(
            "OSW1201", $"{who} names unknown unit '{code}'.{hint} Units are listed in procedures/units/.", at);
        d.Add((step is null ? diagnostic.As("other").With("who", who) : diagnostic.With("step", step))
            .With("unit", code));
    }

    private static void CheckRole(
        string role, string who, SourceLocation at, UnitDirectory units, DiagnosticBag d, LocalizedText? step = null)
    {
        if (units.Roles.ContainsKey(role))
        {
            return;
        }

        var hint = Spelling.Suggest(role, units.Roles.Keys) is { } s ? $" Did you mean '{s}'?" : "";
        var diagnostic = Diagnostic.Error("OSW1202",
            $"{who} names unknown role '{role}'.{hint} "
            + $"Known roles: {string.Join(", ", units.Roles.Keys.Order(StringComparer.Ordinal))}.",
            at);
        d.Add((step is null ? diagnostic.As("other").With("who", who) : diagnostic.With("step", step))
            .With("role", role));
    }

    private static void CheckDocuments(
        ProcedureDefinition procedure, ProcedureSource source, CatalogContext context, DiagnosticBag d)
    {
        var ids = procedure.Documents.Select(x => x.Id).ToHashSet(StringComparer.Ordinal);
        var references = procedure.Steps.SelectMany(s =>
            s.Documents.Select(doc => (doc, s.Location))
                .Concat(s.Actions.SelectMany(a => a.Documents.Select(doc => (doc, a.Location))))
                .Concat(s.Escalations.SelectMany(e => e.Documents.Select(doc => (doc, e.Location)))))
            .Concat(procedure.Escalations.SelectMany(e => e.Documents.Select(doc => (doc, e.Location))))
            .Concat(procedure.WithdrawalDocuments.Select(doc => (doc, procedure.Location)))
            .Concat(procedure.Result is { } result ? [(result.Document, result.Location)] : []);
        foreach (var (doc, at) in references.Where(r => !ids.Contains(r.doc)))
        {
            var hint = Spelling.Suggest(doc, ids) is { } s ? $" Did you mean '{s}'?" : "";
            d.Add(Diagnostic.Error("OSW1108", $"Document '{doc}' is issued here but not declared in 'documents'.{hint}",
                at).With("document", doc));
        }

        foreach (var document in procedure.Documents)
        {
            if (!source.Files.ContainsKey("templates/" + document.Template)
                && !context.SharedTemplates.ContainsKey(document.Template))
            {
                d.Add(Diagnostic.Error("OSW4001",
                        $"Template '{document.Template}' of document '{document.Id}' does not exist; "
                        + $"create {source.Folder}templates/{document.Template} "
                        + $"or use a shared form from {context.SharedTemplatesFolder}.",
                        document.Location)
                    .With("template", document.Template).With("document", document.Title));
            }
        }
    }

    private static void CheckReceivableAt(ProcedureDefinition procedure, DiagnosticBag d)
    {
        foreach (var level in procedure.ReceivableAt.Where(l => l is not ("province" or "commune")))
        {
            d.Error("OSW1203", $"receivableAt lists '{level}'; use the levels \"province\" and \"commune\".",
                procedure.Location);
        }
    }

    private static void CheckCalendarYears(
        ProcedureDefinition procedure, WorkingCalendar calendar, CatalogContext context, DiagnosticBag d)
    {
        if (context.Today is not { } today)
        {
            return;
        }

        var days = procedure.StatutoryDeadline.SameDay
            ? 1m
            : procedure.StatutoryDeadline.Duration.ToHours(calendar.HoursPerDay) / calendar.HoursPerDay;
        days += procedure.DeadlineAdjustments.Sum(a => a.Add.ToHours(calendar.HoursPerDay) / calendar.HoursPerDay);

        // A working day is at most a few calendar days apart from the next, even around Tết; twice the working
        // days plus two weeks is a safe bound for the last date a deadline of cases received now can reach.
        var last = today.AddDays(context.Horizon + (int)Math.Ceiling(days * 2) + 14);
        for (var year = today.Year; year <= last.Year; year++)
        {
            if (!calendar.Years.Contains(year))
            {
                d.Add(Diagnostic.Warning("OSW3002",
                        $"Calendar '{calendar.Name}' has no data for {year}, which deadlines of cases received until "
                        + $"{today.AddDays(context.Horizon):yyyy-MM-dd} may reach; "
                        + $"add {year}'s holidays and make-up working days once they are announced.",
                        procedure.Location)
                    .With("calendar", calendar.Name).With("year", year.ToString(CultureInfo.InvariantCulture)));
            }
        }
    }
}
