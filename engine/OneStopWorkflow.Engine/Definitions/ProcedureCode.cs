namespace OneStopWorkflow.Engine.Definitions;

/// <summary>A procedure's kebab-case code, e.g. <c>land-use-transfer</c>.</summary>
public readonly record struct ProcedureCode(string Value)
{
    public override string ToString() => Value;
}
