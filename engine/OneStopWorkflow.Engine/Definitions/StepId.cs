namespace OneStopWorkflow.Engine.Definitions;

/// <summary>A step's kebab-case identifier, unique within a procedure version.</summary>
public readonly record struct StepId(string Value)
{
    public override string ToString() => Value;
}
