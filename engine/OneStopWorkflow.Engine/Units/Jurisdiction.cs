namespace OneStopWorkflow.Engine.Units;

/// <summary>The level of local government a unit belongs to (two levels since 1 July 2025).</summary>
public enum Jurisdiction
{
    Province,
    Commune,
}
