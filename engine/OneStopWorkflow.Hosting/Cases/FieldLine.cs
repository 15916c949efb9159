using OneStopWorkflow.Engine.Definitions;

namespace OneStopWorkflow.Hosting.Cases;

/// <summary>
/// One field of a case as people read it: its name, its label and its value written for them, each in Vietnamese
/// and English (<see cref="Engine.Templates.FieldValueText"/>), so a page shows the one of its language.
/// </summary>
public sealed record FieldLine(string Name, LocalizedText Label, LocalizedText Value);
