using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using OneStopWorkflow.Engine.Refusals;

namespace OneStopWorkflow.Engine.Diagnostics;

/// <summary>
/// The sentences of diagnostics for people, one resource per language (<c>DiagnosticText.vi.json</c>,
/// <c>DiagnosticText.en.json</c>, embedded in this assembly), keyed by <see cref="Diagnostic.Key"/>. A sentence
/// names its values as <c>{name}</c>; a value the diagnostic does not carry stays as <c>{name}</c>.
/// </summary>
public static class DiagnosticText
{
    private static readonly FrozenDictionary<string, string> Vietnamese = Read("vi");
    private static readonly FrozenDictionary<string, string> English = Read("en");

    /// <summary>The keys each language has a sentence for, for the test that both cover every code.</summary>
    public static IReadOnlySet<string> Keys(string language) => language switch
    {
        "vi" => Vietnamese.Keys.ToFrozenSet(StringComparer.Ordinal),
        "en" => English.Keys.ToFrozenSet(StringComparer.Ordinal),
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "The sentences are in 'vi' and 'en'."),
    };

    public static string Format(Diagnostic diagnostic, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        ArgumentNullException.ThrowIfNull(culture);
        var vietnamese = culture.TwoLetterISOLanguageName == "vi";
        var table = vietnamese ? Vietnamese : English;
        return table.TryGetValue(diagnostic.Key, out var template) || table.TryGetValue(diagnostic.Code, out template)
            ? MessageTemplate.Fill(template, diagnostic.Values, vietnamese)
            // A code without a sentence is a bug the coverage test catches; the reader still gets the message.
            : diagnostic.Message;
    }

    private static FrozenDictionary<string, string> Read(string language)
    {
        var name = $"OneStopWorkflow.Engine.Diagnostics.DiagnosticText.{language}.json";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The resource {name} is not embedded in the engine.");
        return (JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                ?? throw new InvalidOperationException($"The resource {name} is empty."))
            .ToFrozenDictionary(StringComparer.Ordinal);
    }
}
