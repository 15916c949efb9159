namespace OneStopWorkflow.Engine.Mail;

/// <summary>
/// Where a case's mails go: the case field <c>applicant_email</c>, when it holds something that can be an address.
/// A case without one (or with words that are no address) sends no mail, and nothing fails.
/// </summary>
public static class MailRecipient
{
    /// <summary>The case field that holds the applicant's address.</summary>
    public const string Field = "applicant_email";

    /// <summary>The longest address SMTP carries (RFC 5321's path limit, less its brackets).</summary>
    public const int MaxLength = 254;

    /// <summary>
    /// The address in <paramref name="value"/>, trimmed; null when empty or not of the shape <c>local@domain.tld</c>
    /// (one @, no spaces, quotes, brackets, commas or control characters, a dot in the domain).
    /// </summary>
    public static string? Of(string? value)
    {
        var address = value?.Trim();
        if (string.IsNullOrEmpty(address) || address.Length > MaxLength)
        {
            return null;
        }

        var at = address.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != address.LastIndexOf('@') || at == address.Length - 1)
        {
            return null;
        }

        var domain = address[(at + 1)..];
        if (!domain.Contains('.', StringComparison.Ordinal) || domain.StartsWith('.') || domain.EndsWith('.')
            || domain.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }

        return address.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '"' or ',' or ';'
            or '(' or ')' or '[' or ']' or '\\')
            ? null
            : address;
    }
}
