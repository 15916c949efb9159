namespace OneStopWorkflow.Designer.Designing;

public enum DraftLinkKind
{
    Action,
    Next,
    Branch,
    Join,
    Resubmit,
}
