using System.Globalization;
using OneStopWorkflow.Engine.Diagnostics;

namespace OneStopWorkflow.Engine.Definitions;

/// <summary>Graph checks over a procedure's steps: reachability, ends, and the budget of the main path.</summary>
public static class ProcedureGraph
{
    internal static void CheckReachability(ProcedureDefinition procedure, DiagnosticBag d)
    {
        var steps = procedure.Steps.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First());
        if (!steps.ContainsKey(procedure.Start))
        {
            return;
        }

        var reachable = Closure([procedure.Start], id => steps.TryGetValue(id, out var s) ? s.Targets() : []);
        foreach (var step in procedure.Steps.Where(s => !reachable.Contains(s.Id)))
        {
            d.Add(Diagnostic.Error("OSW1102",
                    $"Step '{step.Id}' is unreachable: no action or step leads to it from the start "
                    + $"'{procedure.Start}'. Connect it or delete it.",
                    step.Location)
                .With("step", step.Title));
        }

        var predecessors = procedure.Steps
            .SelectMany(s => s.Targets().Select(t => (From: s.Id, To: t)))
            .ToLookup(e => e.To, e => e.From);
        var ends = procedure.Steps.Where(s => s.Kind == StepKind.End).Select(s => s.Id);
        var canFinish = Closure(ends, id => predecessors[id]);
        foreach (var step in procedure.Steps.Where(s => reachable.Contains(s.Id) && !canFinish.Contains(s.Id)))
        {
            d.Add(Diagnostic.Error("OSW1103",
                    $"No end step can be reached from step '{step.Id}'; a case there could never finish. "
                    + "Add an action toward an end.",
                    step.Location)
                .With("step", step.Title));
        }
    }

    /// <summary>
    /// The largest sum of step budgets, in working hours, along a path from the start to an end that resolves
    /// the case, going round no loop and counting no time in paused or restarting waits.
    /// </summary>
    public static decimal LongestMainPathHours(ProcedureDefinition procedure, decimal hoursPerDay)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        var steps = procedure.Steps.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First());
        return Longest(procedure.Start, null, steps, [], hoursPerDay) ?? 0;
    }

    internal static void CheckBudgets(ProcedureDefinition procedure, decimal hoursPerDay, DiagnosticBag d)
    {
        var statutory = procedure.StatutoryDeadline.SameDay
            ? hoursPerDay
            : procedure.StatutoryDeadline.Duration.ToHours(hoursPerDay);
        var longest = LongestMainPathHours(procedure, hoursPerDay);
        if (longest > statutory)
        {
            d.Add(Diagnostic.Warning("OSW1302",
                    $"Step budgets along the longest main path add up to {longest / hoursPerDay:0.##} working days, "
                    + $"more than the statutory {statutory / hoursPerDay:0.##}; "
                    + "shorten a step's budget or the case will be late by design.",
                    procedure.Location)
                .With("days", Days(longest / hoursPerDay)).With("statutory", Days(statutory / hoursPerDay)));
        }
    }

    /// <summary>A number of days as each language writes it: "5,5" in Vietnamese, "5.5" in English.</summary>
    private static LocalizedText Days(decimal days) =>
        new(days.ToString("0.##", CultureInfo.GetCultureInfo("vi-VN")),
            days.ToString("0.##", CultureInfo.InvariantCulture));

    private static decimal? Longest(
        StepId id, StepId? stopAt, Dictionary<StepId, StepDefinition> steps, HashSet<StepId> onPath,
        decimal hoursPerDay)
    {
        if (id == stopAt)
        {
            return 0;
        }

        if (!steps.TryGetValue(id, out var step) || !onPath.Add(id))
        {
            return null;
        }

        try
        {
            var own = step.Kind == StepKind.Wait && step.Clock != ClockBehaviour.Run
                ? 0
                : step.Budget?.ToHours(hoursPerDay) ?? 0;
            if (step.Kind == StepKind.End)
            {
                return stopAt is null && step.Outcome == Outcome.Resolved ? own : null;
            }

            if (step.Kind == StepKind.Parallel && step.Join is { } join)
            {
                var branches = step.Branches.Select(b => Longest(b, join, steps, onPath, hoursPerDay)).ToList();
                var rest = Longest(join, stopAt, steps, onPath, hoursPerDay);
                return branches.Any(b => b is null) || rest is null ? null : own + branches.Max() + rest;
            }

            var best = step.Targets()
                .Where(t => step.Kind != StepKind.Wait || step.Clock != ClockBehaviour.Restart)
                .Select(t => Longest(t, stopAt, steps, onPath, hoursPerDay))
                .Where(v => v is not null)
                .DefaultIfEmpty(null)
                .Max();
            return best is null ? null : own + best;
        }
        finally
        {
            onPath.Remove(id);
        }
    }

    /// <summary>
    /// Whether an edge from one step to another goes back: the target lies nearer to the start than the step
    /// it is taken from (counted in steps along the shortest path), as a "send back for rework" does.
    /// </summary>
    public static bool GoesBack(ProcedureDefinition procedure, StepId from, StepId to)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        var depth = new Dictionary<StepId, int> { [procedure.Start] = 0 };
        var queue = new Queue<StepId>([procedure.Start]);
        while (queue.TryDequeue(out var id))
        {
            foreach (var target in procedure.FindStep(id)?.Targets() ?? [])
            {
                if (depth.TryAdd(target, depth[id] + 1))
                {
                    queue.Enqueue(target);
                }
            }
        }

        return depth.TryGetValue(from, out var a) && depth.TryGetValue(to, out var b) && b < a;
    }

    private static HashSet<StepId> Closure(IEnumerable<StepId> from, Func<StepId, IEnumerable<StepId>> next)
    {
        var seen = new HashSet<StepId>();
        var queue = new Queue<StepId>(from);
        while (queue.TryDequeue(out var id))
        {
            if (seen.Add(id))
            {
                foreach (var target in next(id))
                {
                    queue.Enqueue(target);
                }
            }
        }

        return seen;
    }
}
