using System.Collections.Immutable;
using OneStopWorkflow.Engine.Definitions;

namespace OneStopWorkflow.Engine.Templates;

/// <summary>
/// The papers of a procedure as a citizen may download them before coming: blank, with dotted lines where a case
/// would print its values, and the procedure's own facts (title, national code, statutory time, the components it
/// asks for) filled in.
/// </summary>
/// <remarks>
/// Two kinds are offered. A component's own form (the application, "Mẫu số 18"): a document the version declares
/// with the component's id. And the papers the applicant is handed, so they know what each says: the version's
/// result document and its documents of Circular 03/2025 forms 01 to 05 (receipt, supplement request, refusal,
/// apology, stop notice). Forms 06 and 07 and a procedure's inter-agency papers stay inside the administration.
/// </remarks>
public static class BlankForm
{
    /// <summary>What a blank line prints.</summary>
    public const string Line = "………………………………";

    private const string Day = "ngày …… tháng …… năm ……";

    private static readonly ImmutableHashSet<string> ApplicantForms = ["01", "02", "03", "04", "05"];

    /// <summary>
    /// The documents a citizen may download blank, in the version's order: the components' own forms first.
    /// Only documents whose template loaded are offered.
    /// </summary>
    public static ImmutableArray<DocumentDefinition> Offered(ProcedureDefinition procedure)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        var renderable = procedure.Documents.Where(d => procedure.Templates?.CanRender(d.Id) == true).ToList();
        var ofComponents = renderable.Where(d => procedure.Components.Any(c => c.Id == d.Id));
        var handedOver = renderable.Where(d => procedure.Components.All(c => c.Id != d.Id)
            && (d.Id == procedure.Result?.Document || (d.Form is { } form && ApplicantForms.Contains(form))));
        return [.. ofComponents.Concat(handedOver)];
    }

    /// <summary>The blank form of a component (a document with the component's id), or null when it has none.</summary>
    public static DocumentDefinition? OfComponent(ProcedureDefinition procedure, string componentId)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        return Offered(procedure).FirstOrDefault(d => d.Id == componentId
            && procedure.Components.Any(c => c.Id == componentId));
    }

    /// <summary>
    /// The blank paper of an offered document, as HTML; null when <paramref name="documentId"/> is not offered.
    /// </summary>
    public static string? Render(ProcedureDefinition procedure, string documentId, LookupPage lookup)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(lookup);
        return Offered(procedure).FirstOrDefault(d => d.Id == documentId) is { } document
            ? procedure.Templates!.Render(document.Id, Model(procedure, document, lookup))
            : null;
    }

    /// <summary>
    /// The model of a blank paper: the procedure's facts, and a dotted line for every value of a case.
    /// </summary>
    public static DocumentModel Model(ProcedureDefinition procedure, DocumentDefinition document, LookupPage lookup)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(lookup);
        var unit = new UnitInfo("", Line, Line);
        var at = $"…… giờ …… phút, {Day}";
        return new DocumentModel
        {
            Form = document.Form ?? "",
            Title = document.Title.Vi,
            DossierCode = Line,
            Procedure = new ProcedureInfo(procedure.Code.Value, procedure.Version, procedure.Title.Vi,
                procedure.NationalCode ?? "", VietnameseText.StatutoryDeadline(procedure.StatutoryDeadline)),
            IssuingUnit = unit,
            ReceivingUnit = unit,
            Place = Line,
            IssuedOn = Day,
            IssuedAt = at,
            Applicant = new ApplicantInfo(Line, Line, Line, Line),
            Fields = procedure.Fields.ToImmutableSortedDictionary(f => f.Name, _ => Line, StringComparer.Ordinal),
            FieldList = [.. procedure.Fields.Select(f => new LabelledValue(f.Label.Vi, Line))],
            Components = [.. procedure.Components.Select((c, i) => new ComponentInfo(
                i + 1, c.Name.Vi, VietnameseText.ComponentForm(c.Form), c.Quantity, c.Required))],
            Channel = Line,
            ReceivedAt = at,
            Appointment = at,
            PromisedAppointment = at,
            Reason = Line,
            Signatory = new Signatory("", "", "", Line),
            Lookup = new LookupInfo(lookup.Url, Line, lookup.Url, ""),
            Book = new BookInfo("", ""),
            HandOvers = [],
        };
    }
}
