using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Diagnostics;

namespace OneStopWorkflow.Engine.Units;

/// <summary>
/// An agency or office of the jurisdiction tree: a province, its departments and offices, its communes.
/// </summary>
public sealed record UnitDefinition
{
    public required string Code { get; init; }
    public required LocalizedText Name { get; init; }
    public required Jurisdiction Level { get; init; }

    /// <summary>
    /// What kind of body it is: people-committee, service-centre, department, office, branch, commune, ward.
    /// </summary>
    public required string Kind { get; init; }

    public string? Parent { get; init; }

    /// <summary>Mountainous, island or disadvantaged communes, where some procedures allow more time.</summary>
    public bool Remote { get; init; }

    /// <summary>
    /// The place name written before a document's date ("Hải Phòng, ngày …"); inherited from the parent when
    /// absent.
    /// </summary>
    public string? Place { get; init; }

    public SourceLocation Location { get; init; }
}
