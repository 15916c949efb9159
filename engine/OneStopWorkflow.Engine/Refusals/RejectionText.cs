using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace OneStopWorkflow.Engine.Refusals;

/// <summary>
/// The messages of refusals, one resource per language (<c>RejectionText.vi.json</c>, <c>RejectionText.en.json</c>,
/// embedded in this assembly), keyed by <see cref="Rejection.Key"/>. A message names its values as
/// <c>{name}</c>; each value is written in the message's language.
/// </summary>
public static class RejectionText
{
    private static readonly FrozenDictionary<string, string> Vietnamese = Read("vi");
    private static readonly FrozenDictionary<string, string> English = Read("en");

    /// <summary>
    /// The keys each language has a message for, for the test that both languages cover every refusal.
    /// </summary>
    public static IReadOnlySet<string> Keys(string language) =>
        Table(language).Keys.ToFrozenSet(StringComparer.Ordinal);

    public static string Format(Rejection rejection, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        ArgumentNullException.ThrowIfNull(culture);
        var vietnamese = culture.TwoLetterISOLanguageName == "vi";
        var table = vietnamese ? Vietnamese : English;
        if (!table.TryGetValue(rejection.Key, out var template) && !table.TryGetValue(rejection.Code, out template))
        {
            // A code without text is a bug that the text coverage test catches; the reader still gets the code.
            return rejection.Key;
        }

        return MessageTemplate.Fill(template, rejection.Values, vietnamese);
    }

    private static FrozenDictionary<string, string> Table(string language) => language switch
    {
        "vi" => Vietnamese,
        "en" => English,
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "The messages are in 'vi' and 'en'."),
    };

    private static FrozenDictionary<string, string> Read(string language)
    {
        var name = $"OneStopWorkflow.Engine.Refusals.RejectionText.{language}.json";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The resource {name} is not embedded in the engine.");
        return (JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                ?? throw new InvalidOperationException($"The resource {name} is empty."))
            .ToFrozenDictionary(StringComparer.Ordinal);
    }
}
