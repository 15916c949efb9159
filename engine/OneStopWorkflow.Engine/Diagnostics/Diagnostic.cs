using System.Collections.Immutable;
using System.Globalization;
using OneStopWorkflow.Engine.Definitions;

namespace OneStopWorkflow.Engine.Diagnostics;

/// <summary>
/// One problem in authored content, with a stable <c>OSWnnnn</c> code and an actionable message. The
/// <see cref="Message"/> is English for the command line; people read <see cref="MessageIn"/>, produced from the
/// code, the <see cref="Variant"/> and the <see cref="Values"/> (a step's or unit's title in both languages).
/// </summary>
public sealed record Diagnostic(string Code, Severity Severity, string Message, SourceLocation Location)
{
    /// <summary>Which of the code's sentences applies, when one code is reported for several reasons.</summary>
    public string? Variant { get; init; }

    /// <summary>The values the sentence names (<c>step</c>, <c>target</c>, <c>unit</c>…), in both languages.</summary>
    public ImmutableDictionary<string, LocalizedText> Values { get; init; } =
        ImmutableDictionary<string, LocalizedText>.Empty.WithComparers(StringComparer.Ordinal);

    public bool IsError => Severity == Severity.Error;

    /// <summary>The key of the sentence in the text of each language: the code, or <c>code.variant</c>.</summary>
    public string Key => Variant is null ? Code : $"{Code}.{Variant}";

    public static Diagnostic Error(string code, string message, SourceLocation location) =>
        new(code, Severity.Error, message, location);

    public static Diagnostic Warning(string code, string message, SourceLocation location) =>
        new(code, Severity.Warning, message, location);

    public Diagnostic As(string? variant) => this with { Variant = variant };

    public Diagnostic With(string name, string value) => With(name, new LocalizedText(value, value));

    public Diagnostic With(string name, LocalizedText value) => this with { Values = Values.SetItem(name, value) };

    /// <summary>
    /// The sentence in <paramref name="culture"/>'s language (Vietnamese for <c>vi</c>, English otherwise),
    /// for people; the command line keeps <see cref="ToString"/>.
    /// </summary>
    public string MessageIn(CultureInfo culture) => DiagnosticText.Format(this, culture);

    /// <summary>
    /// The one-line form printed by <c>onestop validate</c>: <c>path(line,col): error CODE: message</c>.
    /// </summary>
    public override string ToString() =>
        $"{Location}: {(IsError ? "error" : "warning")} {Code}: {Message}";
}
