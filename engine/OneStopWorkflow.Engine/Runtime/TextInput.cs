using System.Globalization;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;

namespace OneStopWorkflow.Engine.Runtime;

/// <summary>
/// What a person may type into any text the product keeps: bounded in length, and free of control characters and of
/// the characters that reverse the direction of text (which make an official paper read other than it is stored).
/// Refusals quote at most <see cref="QuoteLength"/> characters of what was sent.
/// </summary>
public static class TextInput
{
    /// <summary>The length of a text case field that sets no <c>maxLength</c>.</summary>
    public const int DefaultFieldLength = 500;

    /// <summary>The length of a reason or note: hand-up, reschedule, withdrawal, refusal, visit note.</summary>
    public const int ReasonLength = 2000;

    /// <summary>The longest <c>maxLength</c> a procedure may set on a field.</summary>
    public const int MaxFieldLength = 10_000;

    /// <summary>How much of a sent value a refusal repeats.</summary>
    public const int QuoteLength = 100;

    /// <summary>At most <see cref="QuoteLength"/> characters of <paramref name="text"/>, cut with "…".</summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= QuoteLength ? text : string.Concat(text.AsSpan(0, QuoteLength), "…");
    }

    /// <summary>
    /// The first character of <paramref name="text"/> that may not be kept, or null: C0 and C1 control characters
    /// (tab, line feed and carriage return only where <paramref name="multiLine"/>) and the bidirectional embeddings,
    /// overrides and isolates U+202A–U+202E and U+2066–U+2069.
    /// </summary>
    public static char? Forbidden(string text, bool multiLine)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            var allowed = multiLine && c is '\t' or '\n' or '\r';
            if ((char.IsControl(c) && !allowed) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>A character as a refusal names it: its code point, e.g. U+202E.</summary>
    public static string Describe(char c) => "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);

    /// <summary>
    /// Why a reason or note cannot be kept, or null: longer than <paramref name="maxLength"/>, or holding a forbidden
    /// character (line breaks and tabs are allowed). The refusal names <paramref name="field"/> and its words.
    /// </summary>
    public static Rejection? Check(string? text, string field, LocalizedText label, int maxLength = ReasonLength)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(label);
        if (text is null)
        {
            return null;
        }

        var refused = text.Length > maxLength
            ? Rejection.Of(RejectionCodes.FieldInvalid, "too-long").With("max", maxLength)
            : Forbidden(text, multiLine: true) is { } c
                ? Rejection.Of(RejectionCodes.FieldInvalid, "control-character").With("character", Describe(c))
                : null;
        return refused?.On(field).With("field", field).With("label", label);
    }

    /// <summary>The words of the reason every departing command states.</summary>
    public static readonly LocalizedText Reason = new("Lý do", "Reason");
}
