using OneStopWorkflow.Engine.Definitions;
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
            return EventActor.Of(actor, role, task.Unit);
        }

        if (task.Role is null && actor.IsAt(task.Unit))
        {
            var membership = actor.Memberships.First(m => m.Unit == task.Unit);
            return EventActor.Of(actor, membership.Role, task.Unit);
        }

        if (actor.Holds(task.Unit, Roles.Leader))
        {
            return EventActor.Of(actor, Roles.Leader, task.Unit);
        }

        var parent = units.ParentOf(task.Unit)?.Code;
        return parent is not null && actor.Holds(parent, Roles.Leader)
            ? EventActor.Of(actor, Roles.Leader, parent)
            : null;
    }

    /// <summary>Who the actor is, for a refusal: the user and each role at its unit.</summary>
    public static LocalizedText Describe(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Memberships.IsEmpty
            ? new LocalizedText($"'{actor.User}' (không có vai trò)", $"'{actor.User}' (no role)")
            : new LocalizedText(
                $"'{actor.User}' ({string.Join(", ", actor.Memberships.Select(m => $"{m.Role} tại {m.Unit}"))})",
                $"'{actor.User}' ({string.Join(", ", actor.Memberships.Select(m => $"{m.Role} at {m.Unit}"))})");
    }
}
