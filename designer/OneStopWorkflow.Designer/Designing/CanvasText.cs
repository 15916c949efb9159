using System.Text;

namespace OneStopWorkflow.Designer.Designing;

/// <summary>
/// How wide text will be, measured before the browser draws it, so each box can be sized to its words. The widths
/// per character are those of DejaVu Sans (Bold for bold text), the widest common sans-serif and Debian's default,
/// rounded up: a narrower font only leaves some room. The browser wraps words the same greedy way, so with
/// narrower letters it never needs more lines than counted here.
/// </summary>
public static class CanvasText
{
    public static double Width(string text, double fontSize, bool bold)
    {
        ArgumentNullException.ThrowIfNull(text);
        var em = 0.0;
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            em += c switch
            {
                ' ' => 0.36,
                'i' or 'l' or 'j' or 'ì' or 'í' or 'ỉ' or 'ĩ' or 'ị' or '.' or ',' or ':' or ';' or '\'' or '!'
                    or '|' => 0.38,
                'f' or 't' or 'r' or 'I' or 'J' or '(' or ')' or '-' or '/' => 0.54,
                'm' or 'w' or 'M' or 'W' or '—' or '%' or '@' => 1.12,
                >= '\u2190' => 1.15,
                _ when char.IsUpper(c) => 0.86,
                _ => 0.72,
            };
        }

        return em * fontSize * (bold ? 1.08 : 1.0);
    }

    /// <summary>The lines the text takes when wrapped at <paramref name="maxWidth"/>, and the widest one.</summary>
    public static (int Lines, double Widest) Wrap(string text, double maxWidth, double fontSize, bool bold)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (lines, widest, line) = (0, 0.0, "");
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var longer = line.Length == 0 ? word : $"{line} {word}";
            if (line.Length > 0 && Width(longer, fontSize, bold) > maxWidth)
            {
                (lines, widest, line) = (lines + Count(line), Math.Max(widest, Math.Min(maxWidth, Width(line,
                    fontSize, bold))), word);
            }
            else
            {
                line = longer;
            }
        }

        if (line.Length > 0)
        {
            (lines, widest) = (lines + Count(line), Math.Max(widest, Math.Min(maxWidth, Width(line, fontSize, bold))));
        }

        return (Math.Max(lines, 1), widest);

        // A word longer than the line is broken anywhere (overflow-wrap: anywhere) over as many lines as it needs.
        int Count(string text) => (int)Math.Max(1, Math.Ceiling(Width(text, fontSize, bold) / maxWidth));
    }
}
