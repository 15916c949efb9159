namespace OneStopWorkflow.Engine.Definitions;

/// <summary>What a wait step does to the case clock.</summary>
public enum ClockBehaviour
{
    /// <summary>Time keeps counting (the wait is part of the statutory time).</summary>
    Run,

    /// <summary>Time does not count; the appointment moves by the paused working time (e.g. paying land tax).</summary>
    Pause,

    /// <summary>The statutory time starts again from zero when the wait ends (supplement after appraisal).</summary>
    Restart,
}
