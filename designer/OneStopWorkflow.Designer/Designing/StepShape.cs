namespace OneStopWorkflow.Designer.Designing;

/// <summary>How a step is drawn on the canvas; the CSS class of its box is <c>shape-</c> and the name.</summary>
public enum StepShape
{
    Task,
    WaitPause,
    WaitRestart,
    WaitRun,
    Parallel,
    Join,
    Auto,
    EndResolved,
    EndRefused,
    EndOther,
    Missing,
}
