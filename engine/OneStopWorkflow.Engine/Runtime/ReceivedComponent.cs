using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OneStopWorkflow.Engine.Definitions;

namespace OneStopWorkflow.Engine.Runtime;

/// <summary>
/// A paper of the dossier as the clerk took it in: which component (its id in the procedure), in which form
/// (<c>original</c>, <c>certified-copy</c> or <c>copy</c>) and how many.
/// </summary>
public sealed record ReceivedComponent(string Component, string Form, int Quantity)
{
    /// <summary>
    /// The scanned files of this paper (a citizen's upload online, or a clerk's scan at the counter); null when none
    /// was kept, and then omitted from the payload so trails written before scans were kept hash as they were.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableArray<ScanReference>? Scans { get; init; }

    /// <summary>The forms a paper can be handed in as; a procedure may ask for "original-or-certified-copy".</summary>
    public static readonly ImmutableArray<string> Forms = ["original", "certified-copy", "copy"];

    /// <summary>The most copies of one paper a clerk may record at once.</summary>
    public const int MaxQuantity = 99;

    /// <summary>Every component of the procedure, in the form and number it asks for: a complete dossier.</summary>
    public static ImmutableArray<ReceivedComponent> AsListed(ProcedureDefinition procedure)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        return [.. procedure.Components.Select(c => new ReceivedComponent(c.Id, AskedForm(c), c.Quantity))];
    }

    /// <summary>A form in words: "Bản chính" / "Original", "Bản sao chứng thực" / "Certified copy".</summary>
    public static LocalizedText FormName(string form) => new(
        Templates.VietnameseText.ComponentForm(form),
        form switch
        {
            "original" => "Original",
            "certified-copy" => "Certified copy",
            "copy" => "Copy",
            "original-or-certified-copy" => "Original or certified copy",
            _ => form,
        });

    /// <summary>The form a clerk would record by default for <paramref name="component"/>.</summary>
    public static string AskedForm(ComponentDefinition component)
    {
        ArgumentNullException.ThrowIfNull(component);
        return Forms.Contains(component.Form) ? component.Form : "original";
    }
}

/// <summary>
/// A scanned file of a component: the store keeps its bytes under <see cref="Id"/>, the trail keeps its SHA-256 (hex,
/// lower case), so <c>audit verify</c> finds a file changed or lost. <see cref="MediaType"/> is what its content was
/// found to be (application/pdf, image/jpeg, image/png), never what the sender claimed.
/// </summary>
public sealed record ScanReference(string Id, string FileName, string MediaType, long Length, string Sha256);
