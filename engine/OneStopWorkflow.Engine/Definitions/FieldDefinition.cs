using System.Collections.Immutable;
using OneStopWorkflow.Engine.Diagnostics;

namespace OneStopWorkflow.Engine.Definitions;

/// <summary>A typed case field or action input, with its validation.</summary>
public sealed record FieldDefinition
{
    public required string Name { get; init; }
    public required FieldType Type { get; init; }
    public required LocalizedText Label { get; init; }
    public bool Required { get; init; }

    /// <summary>
    /// Says who the applicant is or how to reach them: the only fields a supplement request or a refusal at
    /// intake needs (see <see cref="ProcedureDefinition.ContactFields"/>).
    /// </summary>
    public bool Contact { get; init; }
    public ImmutableArray<string> Choices { get; init; } = [];

    /// <summary>How people read each choice ("Cá nhân" for individual); one without a label reads as is.</summary>
    public ImmutableDictionary<string, LocalizedText> ChoiceLabels { get; init; } =
        ImmutableDictionary<string, LocalizedText>.Empty;

    public decimal? Min { get; init; }
    public decimal? Max { get; init; }

    /// <summary>
    /// The longest text the field keeps; null means <see cref="Runtime.TextInput.DefaultFieldLength"/> for a case field
    /// and <see cref="Runtime.TextInput.ReasonLength"/> for an action's input (a reason).
    /// </summary>
    public int? MaxLength { get; init; }

    /// <summary>The earliest date a date field accepts; null means the first year of the calendar.</summary>
    public DateBound? MinDate { get; init; }

    /// <summary>The latest date a date field accepts; null means the last year of the calendar.</summary>
    public DateBound? MaxDate { get; init; }
    public SourceLocation Location { get; init; }

    /// <summary>A choice as people read it.</summary>
    public LocalizedText ChoiceLabel(string choice) =>
        ChoiceLabels.TryGetValue(choice, out var label) ? label : new LocalizedText(choice, choice);
}
