using System.Globalization;
using System.Text;

namespace OneStopWorkflow.Designer.Operations;

/// <summary>
/// Where a person is sent back after signing in or switching the language: a path of this site, or <c>/</c>. The
/// value comes from the request, so anything that could leave the site (<c>//evil</c>, <c>/\evil</c>,
/// <c>http://evil</c>), carry control or direction-override characters, or swell the Location header is replaced
/// by <c>/</c>, and the rest is written in ASCII, as a header must be.
/// </summary>
public static class LocalUrl
{
    /// <summary>Longer return addresses are not ones this site makes; 2,000 characters is what browsers keep.</summary>
    public const int MaxLength = 2000;

    public static string OrHome(string? url)
    {
        if (url is not { Length: > 0 and <= MaxLength } || url[0] != '/'
            || (url.Length > 1 && url[1] is '/' or '\\'))
        {
            return "/";
        }

        var written = new StringBuilder(url.Length);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (rune.Value == '\\' || Rune.IsControl(rune) || category == UnicodeCategory.Format
                || category == UnicodeCategory.Surrogate || rune == Rune.ReplacementChar)
            {
                return "/";
            }

            if (rune.IsAscii && rune.Value != ' ')
            {
                written.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length])
            {
                written.Append(CultureInfo.InvariantCulture, $"%{b:X2}");
            }
        }

        return written.Length > MaxLength ? "/" : written.ToString();
    }
}
