namespace OneStopWorkflow.Engine.Diagnostics;

/// <summary>
/// Where authored content went wrong: a logical file path (relative to the catalog root, always with '/'),
/// a 1-based line and column, and the JSON path of the element when the file is JSON.
/// </summary>
public readonly record struct SourceLocation(string File, int Line, int Column, string? JsonPath = null)
{
    public static SourceLocation InFile(string file) => new(file, 1, 1);

    public override string ToString() => $"{File}({Line},{Column})";
}
