namespace OneStopWorkflow.Engine.Definitions;

public enum StepKind
{
    /// <summary>Human work by a role at a unit.</summary>
    Task,

    /// <summary>The case waits for the applicant or an outside agency.</summary>
    Wait,

    /// <summary>Several branches start at once.</summary>
    Parallel,

    /// <summary>Waits until every branch of its parallel step has arrived.</summary>
    Join,

    /// <summary>The system acts (issues documents) and moves on.</summary>
    Auto,

    /// <summary>The case finishes with an outcome.</summary>
    End,
}
