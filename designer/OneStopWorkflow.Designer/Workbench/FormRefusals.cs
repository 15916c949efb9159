using OneStopWorkflow.Engine.Refusals;
using static OneStopWorkflow.Designer.Localization.Text;

namespace OneStopWorkflow.Designer.Workbench;

/// <summary>
/// The refusals of the last attempt on one page, by form (an action, hand-up, reschedule…) and field, in the user's
/// language: each field's messages go beside it, all of them in a summary by the form's button.
/// </summary>
public sealed class FormRefusals
{
    private readonly Dictionary<string, Dictionary<string, string>> _byField = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _summary = new(StringComparer.Ordinal);

    /// <summary>The message beside <paramref name="field"/> of <paramref name="form"/>, or null.</summary>
    public string? Of(string form, string field) => _byField.GetValueOrDefault(form)?.GetValueOrDefault(field);

    /// <summary>Every refusal of <paramref name="form"/> in one sentence, or null.</summary>
    public string? SummaryOf(string form) => _summary.GetValueOrDefault(form);

    public void Clear()
    {
        _byField.Clear();
        _summary.Clear();
    }

    /// <summary>Records a refusal the page made itself, before sending anything (a date not chosen).</summary>
    public void Refuse(string form, string field, string message) =>
        _byField[form] = new(StringComparer.Ordinal) { [field] = message };

    public void Refuse(string form, IEnumerable<Rejection> rejections)
    {
        var byField = new Dictionary<string, string>(StringComparer.Ordinal);
        var all = new List<string>();
        foreach (var rejection in rejections)
        {
            var text = Localization.Text.Of(rejection);
            all.Add(text);
            if (rejection.Field is { } field)
            {
                byField[field] = byField.TryGetValue(field, out var before) ? $"{before} {text}" : text;
            }
        }

        _byField[form] = byField;
        _summary[form] = string.Join(" ", all);
    }
}

/// <summary>A command a part of the case page asks the page to run, with the form it came from and its title.</summary>
public sealed record CaseCommand(string Form, string Title, OneStopWorkflow.Hosting.Cases.ICaseRequest Request);
