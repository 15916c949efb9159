using System.Collections.Immutable;
using System.Net;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Json;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Engine.Simulation;
using OneStopWorkflow.Engine.Templates;

namespace OneStopWorkflow.Hosting.Catalog;

/// <summary>Tells a scenario's outcome as a <see cref="TrialRun"/>: steps, events, documents and refusals.</summary>
internal static class TrialStory
{
    public static TrialRun Tell(ScenarioOutcome outcome, LookupPage lookup)
    {
        var context = outcome.Context;
        var entries = new List<TrialEntry>();
        entries.AddRange(outcome.Events.Select(e => Event(context, e)).OfType<TrialEvent>());
        entries.AddRange(outcome.State?.Tasks.Select(t => Step(outcome, t)) ?? []);
        entries.AddRange(Documents(outcome, lookup));
        entries.AddRange(outcome.Rejections.Select(r => Refusal(context, r)));
        var state = outcome.State;
        // In time order; what happened at one instant stays in the order of the trail.
        var ordered = entries.Select((e, i) => (e, i)).OrderBy(p => p.e.At).ThenBy(p => p.i).Select(p => p.e);
        return new TrialRun([.. ordered])
        {
            DossierCode = state?.DossierCode, ReceivedAt = state?.ReceivedAt, Appointment = state?.Appointment,
            PromisedAppointment = state?.PromisedAppointment, Status = outcome.CaseStatus,
            Outcome = state?.Outcome is { } o ? Names.Kebab(o.ToString()) : null, FinishedAt = state?.FinishedAt,
            Timeliness = outcome.Timeliness,
        };
    }

    private static TrialStep Step(ScenarioOutcome outcome, TaskState task)
    {
        var context = outcome.Context;
        var step = context.Procedure.FindStep(task.Step);
        var done = outcome.Events.OfType<TaskCompleted>().LastOrDefault(c => c.Task == task.Id);
        return new TrialStep(task.ActivatedAt, task.Step.Value, step?.Title ?? Plain(task.Step.Value),
            new TrialActor("", null, RoleOf(context, task.Role), context.Units.NameOf(task.Unit)))
        {
            Due = task.Due, CompletedAt = task.CompletedAt, Cancelled = task.Cancelled,
            Action = task.Action is { } a ? step?.FindAction(a)?.Title ?? Plain(a) : null,
            DoneBy = done is null ? null : Who(context, done.Actor), Status = outcome.StatusOf(task),
        };
    }

    private static TrialEvent? Event(DecisionContext context, CaseEvent e)
    {
        var who = Who(context, e.Actor);
        return e switch
        {
            CaseReceived => new TrialEvent(e.At, e.Type, who),
            ClockStarted s => new TrialEvent(e.At, e.Type, who) { Appointment = s.Appointment },
            ClockPaused p => new TrialEvent(e.At, e.Type, who) { Step = TitleOf(context, p.Step) },
            ClockResumed r => new TrialEvent(e.At, e.Type, who)
            {
                Appointment = r.Appointment, PausedHours = r.PausedWorkingTime.TotalHours,
            },
            ClockRestarted r => new TrialEvent(e.At, e.Type, who) { Appointment = r.Appointment },
            EscalationFired f => new TrialEvent(e.At, e.Type, who)
            {
                Step = f.Step is { } s ? TitleOf(context, s) : null, Detail = f.Notify ?? f.Rule,
                ToUnit = f.To is { } to ? context.Units.NameOf(to) : null,
            },
            TaskReassigned r => new TrialEvent(e.At, e.Type, who)
            {
                ToUnit = context.Units.NameOf(r.To), Detail = r.Reason,
            },
            CaseRescheduled r => new TrialEvent(e.At, e.Type, who)
            {
                Appointment = r.PromisedAppointment, Detail = r.Reason,
            },
            CaseFinished f => new TrialEvent(e.At, e.Type, who) { Detail = f.Reason },
            _ => null,
        };
    }

    /// <summary>Each issued document rendered from the trail as it stood when it was issued.</summary>
    private static IEnumerable<TrialDocument> Documents(ScenarioOutcome outcome, LookupPage lookup)
    {
        var context = outcome.Context;
        for (var i = 0; i < outcome.Events.Length; i++)
        {
            if (outcome.Events[i] is not DocumentIssued issued)
            {
                continue;
            }

            var definition = context.Procedure.FindDocument(issued.Document);
            yield return new TrialDocument(issued.At, issued.Document, definition?.Title ?? Plain(issued.Document),
                Render(context, outcome.Events[..(i + 1)], issued, lookup))
            {
                Form = issued.Form, Step = issued.Step is { } s ? TitleOf(context, s) : null,
            };
        }
    }

    /// <summary>A draft's template may still fail on a case: the reason then stands in the document's place.</summary>
    private static string Render(
        DecisionContext context, ImmutableArray<CaseEvent> trail, DocumentIssued issued, LookupPage lookup)
    {
        try
        {
            return DocumentRenderer.Render(context, trail, issued, lookup);
        }
        catch (TemplateRenderException ex)
        {
            return $"<pre>{WebUtility.HtmlEncode(ex.Message)}</pre>";
        }
    }

    /// <summary>A refused command by its kind, and an action by its title ("act approve" names approve).</summary>
    private static TrialRefusal Refusal(DecisionContext context, ScenarioRejection rejection)
    {
        var words = rejection.Command.Split(' ', 2);
        var action = words.Length == 2
            ? context.Procedure.Steps.Select(s => s.FindAction(words[1])).FirstOrDefault(a => a is not null)?.Title
                ?? Plain(words[1])
            : null;
        return new TrialRefusal(rejection.At, words[0], rejection.Reasons) { Action = action };
    }

    private static TrialActor Who(DecisionContext context, EventActor actor) =>
        new(actor.User, actor.User == Actor.System.User ? null : actor.Name, RoleOf(context, actor.Role),
            context.Units.NameOf(actor.Unit));

    private static LocalizedText? RoleOf(DecisionContext context, string? role) =>
        role is null ? null : context.Units.Roles.TryGetValue(role, out var r) ? r.Title : Plain(role);

    private static LocalizedText TitleOf(DecisionContext context, StepId step) =>
        context.Procedure.FindStep(step)?.Title ?? Plain(step.Value);

    private static LocalizedText Plain(string text) => new(text, text);
}
