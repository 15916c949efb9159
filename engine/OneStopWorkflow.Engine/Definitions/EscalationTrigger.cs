namespace OneStopWorkflow.Engine.Definitions;

public enum EscalationTrigger
{
    /// <summary>The task (or, on the procedure, the case) is within its due-soon threshold.</summary>
    DueSoon,

    /// <summary>The task (or the case) is past its due instant by <c>after</c>.</summary>
    Overdue,

    /// <summary>When the task activates and the condition holds, the step goes up to another unit.</summary>
    Jurisdiction,
}
