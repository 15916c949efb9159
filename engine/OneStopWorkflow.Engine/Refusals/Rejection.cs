using System.Collections.Immutable;
using System.Globalization;
using OneStopWorkflow.Engine.Definitions;

namespace OneStopWorkflow.Engine.Refusals;

/// <summary>
/// Why a command was refused, as data: a stable <see cref="Code"/>, the <see cref="Field"/> it concerns (if any) and
/// the <see cref="Values"/> its message needs. The message itself is produced from those in the reader's language
/// (<see cref="MessageIn"/>); nothing parses a message.
/// </summary>
public sealed record Rejection(string Code)
{
    /// <summary>Which of the code's messages applies, when one code is refused for several reasons.</summary>
    public string? Variant { get; init; }

    /// <summary>The request field or procedure field the refusal concerns, by its name in the request.</summary>
    public string? Field { get; init; }

    /// <summary>The values the message names, each in Vietnamese and English.</summary>
    public ImmutableDictionary<string, LocalizedText> Values { get; init; } =
        ImmutableDictionary<string, LocalizedText>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>The key of the message in the text of each language: the code, or <c>code.variant</c>.</summary>
    public string Key => Variant is null ? Code : $"{Code}.{Variant}";

    /// <summary>The message in English, for logs, the command line and scenario reports.</summary>
    public string Message => RejectionText.Format(this, CultureInfo.InvariantCulture);

    public static Rejection Of(string code, string? variant = null) => new(code) { Variant = variant };

    /// <summary>
    /// The message in <paramref name="culture"/>'s language: Vietnamese for <c>vi</c>, English otherwise.
    /// </summary>
    public string MessageIn(CultureInfo culture) => RejectionText.Format(this, culture);

    public Rejection With(string name, string value) => With(name, new LocalizedText(value, value));

    public Rejection With(string name, LocalizedText value) => this with { Values = Values.SetItem(name, value) };

    public Rejection With(string name, long value) =>
        With(name, new LocalizedText(
            value.ToString("N0", CultureInfo.GetCultureInfo("vi-VN")), value.ToString(CultureInfo.InvariantCulture)));

    public Rejection On(string field) => this with { Field = field };

    public override string ToString() => $"{Code}: {Message}";
}
