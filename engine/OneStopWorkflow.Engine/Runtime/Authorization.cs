using OneStopWorkflow.Engine.Units;

namespace OneStopWorkflow.Engine.Runtime;

/// <summary>
/// Who may work a task: someone holding its role at its unit, or a leader of that unit or of its parent.
/// </summary>
public static class Authorization
{
    public static EventActor? ActingAs(Actor actor, TaskState task, UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(units);
        if (task.Role is { } role && actor.Holds(task.Unit, role))
        {
            return new EventActor(actor.User, role, task.Unit);
        }

        if (task.Role is null && actor.IsAt(task.Unit))
        {
            var membership = actor.Memberships.First(m => m.Unit == task.Unit);
            return new EventActor(actor.User, membership.Role, task.Unit);
        }

        if (actor.Holds(task.Unit, "leader"))
        {
            return new EventActor(actor.User, "leader", task.Unit);
        }

        var parent = units.ParentOf(task.Unit)?.Code;
        return parent is not null && actor.Holds(parent, "leader") ? new EventActor(actor.User, "leader", parent) : null;
    }

    public static string Describe(Actor actor) =>
        actor.Memberships.IsEmpty
            ? $"'{actor.User}' (no role)"
            : $"'{actor.User}' ({string.Join(", ", actor.Memberships.Select(m => $"{m.Role} at {m.Unit}"))})";
}
