namespace OneStopWorkflow.Engine.Definitions;

/// <summary>
/// A paper of the dossier the applicant hands in (listed on the receipt): what, in which form, how many.
/// </summary>
public sealed record ComponentDefinition(string Id, LocalizedText Name, string Form, int Quantity, bool Required);
