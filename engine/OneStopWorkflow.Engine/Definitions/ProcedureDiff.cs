using System.Collections.Immutable;

namespace OneStopWorkflow.Engine.Definitions;

/// <summary>One difference between two versions of a procedure, step by step.</summary>
public sealed record ProcedureChange(string Kind, string Where, string What);

/// <summary>
/// What changed from one version to another: steps added or removed, budgets, actions, rules, documents.
/// </summary>
public static class ProcedureDiff
{
    public static ImmutableArray<ProcedureChange> Compare(ProcedureDefinition before, ProcedureDefinition after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = ImmutableArray.CreateBuilder<ProcedureChange>();
        void Changed<T>(string where, string what, T old, T now)
        {
            if (!EqualityComparer<T>.Default.Equals(old, now))
            {
                changes.Add(new ProcedureChange(
                    "changed", where, $"{what}: {old?.ToString() ?? "—"} → {now?.ToString() ?? "—"}"));
            }
        }

        Changed("procedure", "statutory deadline", before.StatutoryDeadline, after.StatutoryDeadline);
        Changed("procedure", "cut-off", before.CutOff, after.CutOff);
        Changed("procedure", "calendar", before.Calendar, after.Calendar);
        Changed("procedure", "fields", string.Join(", ", before.Fields.Select(f => f.Name)),
            string.Join(", ", after.Fields.Select(f => f.Name)));
        Changed("procedure", "documents", string.Join(", ", before.Documents.Select(d => $"{d.Id}:{d.Template}")),
            string.Join(", ", after.Documents.Select(d => $"{d.Id}:{d.Template}")));
        var old = before.Steps.ToDictionary(s => s.Id);
        var now = after.Steps.ToDictionary(s => s.Id);
        foreach (var step in after.Steps.Where(s => !old.ContainsKey(s.Id)))
        {
            changes.Add(new ProcedureChange("added", $"step {step.Id}",
                $"{step.Kind} '{step.Title.Vi}'{(step.Budget is { } b ? $", budget {b}" : "")}"));
        }

        foreach (var step in before.Steps.Where(s => !now.ContainsKey(s.Id)))
        {
            changes.Add(new ProcedureChange("removed", $"step {step.Id}", $"{step.Kind} '{step.Title.Vi}'"));
        }

        foreach (var step in after.Steps.Where(s => old.ContainsKey(s.Id)))
        {
            var was = old[step.Id];
            var where = $"step {step.Id}";
            Changed(where, "kind", was.Kind, step.Kind);
            Changed(where, "title", was.Title.Vi, step.Title.Vi);
            Changed(where, "role", was.Role, step.Role);
            Changed(where, "unit", was.Unit.ToString(), step.Unit.ToString());
            Changed(where, "budget", was.Budget, step.Budget);
            Changed(where, "clock", was.Clock, step.Clock);
            Changed(where, "escalations", string.Join(", ", was.Escalations.Select(e => e.Id)),
                string.Join(", ", step.Escalations.Select(e => e.Id)));
            var actions = was.Actions.ToDictionary(a => a.Id);
            foreach (var action in step.Actions)
            {
                if (!actions.TryGetValue(action.Id, out var previous))
                {
                    changes.Add(new ProcedureChange("added", $"{where} action {action.Id}", $"→ {action.To}"));
                    continue;
                }

                var at = $"{where} action {action.Id}";
                Changed(at, "target", previous.To, action.To);
                Changed(at, "guard", previous.Guard?.Source, action.Guard?.Source);
                Changed(at, "documents", string.Join(", ", previous.Documents), string.Join(", ", action.Documents));
            }

            foreach (var removed in was.Actions.Where(a => step.FindAction(a.Id) is null))
            {
                changes.Add(new ProcedureChange("removed", $"{where} action {removed.Id}", $"→ {removed.To}"));
            }
        }

        return changes.ToImmutable();
    }
}
