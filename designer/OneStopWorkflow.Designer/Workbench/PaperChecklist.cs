using System.Collections.Immutable;
using System.Globalization;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Designer.Workbench;

/// <summary>
/// The papers a clerk ticks as handed in, at the counter or with a supplement: for each component of the procedure
/// whether it was handed in, in which form and how many. Nothing is ticked until the clerk checks it.
/// </summary>
public sealed class PaperChecklist
{
    private readonly ImmutableArray<ComponentDefinition> _components;
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Action _changed;

    /// <param name="components">The procedure's components, in its order.</param>
    /// <param name="changed">Called after any change, to clear an error shown beside the list.</param>
    public PaperChecklist(ImmutableArray<ComponentDefinition> components, Action changed)
    {
        _components = components;
        _changed = changed;
        foreach (var component in components)
        {
            _entries[component.Id] = new Entry(ReceivedComponent.AskedForm(component), component.Quantity);
        }
    }

    public ImmutableArray<ComponentDefinition> Components => _components;

    public bool IsTicked(string component) => _entries.GetValueOrDefault(component)?.Ticked == true;

    public string Form(string component) => _entries.GetValueOrDefault(component)?.Form ?? "original";

    public string Quantity(string component) =>
        (_entries.GetValueOrDefault(component)?.Quantity ?? 1).ToString(CultureInfo.InvariantCulture);

    public void Tick(string component, object? value) => Change(component, e => e.Ticked = value is true);

    public void SetForm(string component, object? value) =>
        Change(component, e => e.Form = value?.ToString() ?? "original");

    /// <summary>A quantity that does not read as a whole number is kept as 0, for the engine to refuse.</summary>
    public void SetQuantity(string component, object? value) => Change(component, e => e.Quantity =
        int.TryParse(value?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0);

    /// <summary>The papers ticked, in the procedure's order, each in the form and number chosen.</summary>
    public ImmutableArray<ReceivedComponent> Ticked =>
        [.. _components.Where(c => IsTicked(c.Id))
            .Select(c => new ReceivedComponent(c.Id, _entries[c.Id].Form, _entries[c.Id].Quantity))];

    private void Change(string component, Action<Entry> change)
    {
        if (_entries.TryGetValue(component, out var entry))
        {
            change(entry);
            _changed();
        }
    }

    private sealed class Entry(string form, int quantity)
    {
        public bool Ticked { get; set; }
        public string Form { get; set; } = form;
        public int Quantity { get; set; } = quantity;
    }
}
