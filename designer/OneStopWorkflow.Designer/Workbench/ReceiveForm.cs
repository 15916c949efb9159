using System.Collections.Immutable;
using OneStopWorkflow.Designer.Localization;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;
using OneStopWorkflow.Engine.Runtime;
using OneStopWorkflow.Hosting.Cases;
using static OneStopWorkflow.Designer.Localization.Text;

namespace OneStopWorkflow.Designer.Workbench;

/// <summary>
/// What the clerk has typed into the receive form and the papers ticked as handed in, how it becomes a
/// <see cref="ReceiveCase"/> request, and the refusals that come back, placed by the field they name (the papers'
/// under <c>components</c>).
/// </summary>
public sealed class ReceiveForm
{
    public const string Accept = "accept";

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);

    public string Unit { get; set; } = "";
    public string ProcedureCode { get; set; } = "";

    /// <summary>The procedure chosen, whose fields the form asks for; null before one is chosen.</summary>
    public ProcedureDefinition? Procedure { get; private set; }

    /// <summary>Why the dossier is not accepted, for the intake actions that need one.</summary>
    public string Reason { get; set; } = "";

    /// <summary>What is wrong with each field, by field name.</summary>
    public IReadOnlyDictionary<string, string> Errors => _errors;

    /// <summary>Every refusal of the last request, in the UI language.</summary>
    public string? Problem { get; private set; }

    /// <summary>Starts over on the fields of <paramref name="procedure"/>.</summary>
    public void Start(ProcedureDefinition? procedure)
    {
        _values.Clear();
        _errors.Clear();
        Procedure = procedure;
        Papers = new PaperChecklist(procedure?.Components ?? [], () => _errors.Remove(ComponentValidator.Field));
    }

    /// <summary>The papers the clerk ticks as handed in.</summary>
    public PaperChecklist Papers { get; private set; } = new([], () => { });

    public string Value(string name) => _values.GetValueOrDefault(name) ?? "";

    public bool IsChecked(string name) => Value(name) == "true";

    public void Set(string name, object? value)
    {
        _values[name] = value?.ToString() ?? "";
        _errors.Remove(name);
    }

    public void SetFlag(string name, object? value) => Set(name, value is true ? "true" : "false");

    /// <summary>
    /// The request for <paramref name="intake"/>, after marking what keeps it from going: for accepting, every
    /// required field left empty and every required paper not ticked; for a supplement request or a refusal, only
    /// the required contact fields. Null when something is marked.
    /// </summary>
    public ReceiveCase? ToRequest(string intake)
    {
        Problem = null;
        _errors.Clear();
        var accepting = intake == Accept;
        var needed = accepting ? Procedure!.Fields : Procedure!.ContactFields;
        foreach (var field in needed.Where(f => f.Required && f.Type != FieldType.Boolean))
        {
            if (Value(field.Name).Length == 0)
            {
                _errors[field.Name] = $"{field.Label.Vi}: {T("required")}";
            }
        }

        var missing = ComponentValidator.Missing(Procedure, Papers.Ticked);
        if (accepting && ComponentValidator.MissingRejection(missing) is { } m)
        {
            _errors[ComponentValidator.Field] = Text.Of(m);
        }

        if (_errors.Count > 0)
        {
            return null;
        }

        return new ReceiveCase(ProcedureCode, Unit)
        {
            Fields = _values.Where(v => v.Value.Length > 0).ToImmutableDictionary(StringComparer.Ordinal),
            IntakeAction = intake,
            Input = accepting
                ? ImmutableDictionary<string, string>.Empty
                : ImmutableDictionary<string, string>.Empty.Add("reason", Reason),
            Components = Papers.Ticked,
        };
    }

    /// <summary>Shows each refusal at the field it names, and all of them together.</summary>
    public void Refused(IEnumerable<Rejection> rejections)
    {
        var refusals = rejections.ToList();
        foreach (var rejection in refusals.Where(r => r.Field is not null))
        {
            _errors[rejection.Field!] = _errors.TryGetValue(rejection.Field!, out var before)
                ? $"{before} {Text.Of(rejection)}"
                : Text.Of(rejection);
        }

        Problem = string.Join(" ", refusals.Select(Text.Of));
    }
}
