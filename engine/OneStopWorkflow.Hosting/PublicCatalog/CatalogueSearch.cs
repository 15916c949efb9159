using System.Globalization;
using System.Text;

namespace OneStopWorkflow.Hosting.PublicCatalog;

/// <summary>
/// Search without diacritics: "dat dai" finds "Đất đai". Both sides are folded (lower case, marks removed, đ read as
/// d), and every word searched for must occur in the procedure's words: its titles, national code and legal basis.
/// </summary>
public static class CatalogueSearch
{
    /// <summary>The longest search text taken.</summary>
    public const int MaxLength = 200;

    /// <summary>Lower case, without diacritics, đ as d: "Đăng ký đất đai" reads "dang ky dat dai".</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark
                or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            folded.Append(c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c));
        }

        return folded.ToString();
    }

    /// <summary>The folded words of a search text; none for an empty one.</summary>
    public static string[] Words(string? text) => string.IsNullOrWhiteSpace(text)
        ? []
        : Fold(text).Split((char[])[' ', '\t', ',', ';', '.', '(', ')', '"', '\'', '-', '/'],
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Whether every one of <paramref name="words"/> occurs in <paramref name="folded"/>.</summary>
    public static bool Matches(string folded, IReadOnlyCollection<string> words)
    {
        ArgumentNullException.ThrowIfNull(folded);
        ArgumentNullException.ThrowIfNull(words);
        return words.All(w => folded.Contains(w, StringComparison.Ordinal));
    }
}
