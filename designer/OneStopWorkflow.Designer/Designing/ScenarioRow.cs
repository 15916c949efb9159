using System.Text.Json.Nodes;

namespace OneStopWorkflow.Designer.Designing;

/// <summary>
/// The receipt or one command in the form. <see cref="Values"/> are the case fields of the receipt or the input of
/// an action; <see cref="Target"/> the unit a hand-up or a reassignment goes to.
/// </summary>
public sealed class ScenarioRow(JsonObject source)
{
    public JsonObject Source { get; } = source;
    public string Kind { get; set; } = "act";
    public string At { get; set; } = "";
    public string Unit { get; set; } = "";
    public string Role { get; set; } = "";
    public string Step { get; set; } = "";
    public string Action { get; set; } = "";
    public string Reason { get; set; } = "";
    public string Target { get; set; } = "";
    public string Date { get; set; } = "";
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>Composed in the form rather than read: its step is written, to say which task it acts on.</summary>
    public bool IsNew { get; init; }
}
