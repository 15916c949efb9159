namespace OneStopWorkflow.Engine.Runtime;

/// <summary>The identity of a case, chosen by whoever stores it.</summary>
public readonly record struct CaseId(string Value)
{
    public override string ToString() => Value;
}
