using OneStopWorkflow.Engine.Definitions;

namespace OneStopWorkflow.Hosting.Cases;

/// <summary>One field of a case as people read it: its name, its label and its value written for them.</summary>
public sealed record FieldLine(string Name, LocalizedText Label, string Value);
