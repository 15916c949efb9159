namespace OneStopWorkflow.Engine.Templates;

/// <summary>A template's text, the name templates include it by, and its path for diagnostics.</summary>
public sealed record TemplateFile(string Name, string Path, string Text);
