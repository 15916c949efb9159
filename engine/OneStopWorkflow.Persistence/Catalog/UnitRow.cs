namespace OneStopWorkflow.Persistence.Catalog;

/// <summary>A unit of the jurisdiction tree, kept in the database so that queries can name and group units.</summary>
public sealed class UnitRow
{
    public string Code { get; set; } = null!;
    public string NameVi { get; set; } = null!;
    public string NameEn { get; set; } = null!;
    public string Level { get; set; } = null!;
    public string? Parent { get; set; }
}
