namespace OneStopWorkflow.Engine.Definitions;

/// <summary>Text shown to people, in Vietnamese (the legal language) and English.</summary>
public sealed record LocalizedText(string Vi, string En);
