namespace OneStopWorkflow.Engine.Definitions;

public enum WaitParty
{
    /// <summary>The applicant must come back (resubmit); the wait ends with the resubmit command.</summary>
    Applicant,

    /// <summary>An outside agency must answer; an officer records the answer with one of the step's actions.</summary>
    Agency,
}
