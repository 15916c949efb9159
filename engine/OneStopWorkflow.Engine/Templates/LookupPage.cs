namespace OneStopWorkflow.Engine.Templates;

/// <summary>
/// The public lookup page papers point the citizen to, and how to draw a link as a QR code. Drawing is handed in
/// because the engine draws no images: the host passes a QR encoder that returns a <c>data:</c> URI.
/// </summary>
/// <param name="Url">The page's absolute public address, without the dossier code.</param>
public sealed record LookupPage(string Url)
{
    /// <summary>Draws a text as a QR code image, a <c>data:</c> URI; null draws none (previews, benchmarks).</summary>
    public Func<string, string>? DrawQrCode { get; init; }

    /// <summary>
    /// The lookup secret a receipt rendered now prints: the deciding command's, known only while its decision is
    /// rendered (the trail keeps a hash). Empty elsewhere, where a receipt rendered again prints no secret.
    /// </summary>
    public string Secret { get; init; } = "";

    /// <summary>The page's link with <paramref name="dossierCode"/> filled in, as the lookup page reads it.</summary>
    public string LinkTo(string dossierCode) =>
        Url + (Url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "code=" + Uri.EscapeDataString(dossierCode);
}
