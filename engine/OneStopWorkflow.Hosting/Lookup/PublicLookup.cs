using System.Net;
using OneStopWorkflow.Engine.Templates;
using OneStopWorkflow.Hosting.Documents;

namespace OneStopWorkflow.Hosting.Lookup;

/// <summary>
/// The public address of the lookup page that papers print and the receipt's QR code carries. It is configured
/// (<c>OneStop:PublicLookupUrl</c>), never taken from a request: the Host header is the caller's to choose, and an
/// official paper must not point where a caller said. A paper carries it for years, so it must be absolute and
/// reachable by a citizen's phone: never a loopback or unspecified host.
/// </summary>
public static class PublicLookup
{
    /// <summary>
    /// Printed while no address is configured (start-up warns): the National Public Service Portal, where a dossier
    /// code can also be looked up, rather than a host no citizen can reach.
    /// </summary>
    public const string Fallback = "https://dichvucong.gov.vn/";

    /// <summary>The page papers print: the configured address or the fallback, with a QR code drawer.</summary>
    public static LookupPage PageOf(OneStopOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new LookupPage(options.PublicLookupUrl ?? Fallback) { DrawQrCode = QrCodeImage.DataUri };
    }

    /// <summary>Why <paramref name="url"/> cannot be printed for citizens, or null when it can.</summary>
    public static string? Problem(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "it is not an absolute http(s) address";
        }

        var unreachable = uri.IsLoopback
            || uri.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip)
                && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)));
        return unreachable ? $"its host '{uri.Host}' is this machine, which no citizen's phone can reach"
            : uri.Fragment.Length > 0 ? "it has a fragment (#…), after which the dossier code would be lost"
            : null;
    }

    /// <summary>
    /// The configured address, checked: null when none is set; a configured address that cannot be printed stops
    /// the start with what to do.
    /// </summary>
    public static string? Read(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }

        var url = configured.Trim();
        return Problem(url) is { } problem
            ? throw new InvalidOperationException(
                $"OneStop:PublicLookupUrl '{url}' cannot be printed on receipts: {problem}. Set it to the public "
                + "address of the lookup page (/tra-cuu) as citizens reach it, "
                + "e.g. https://motcua.example.gov.vn/tra-cuu.")
            : url;
    }
}
