using System.Collections.Immutable;

namespace OneStopWorkflow.Engine.Templates;

/// <summary>
/// Everything a form prints, computed in C# before rendering, so templates only lay it out. Templates see it in
/// snake_case: <c>dossier_code</c>, <c>applicant.name</c>, <c>fields.parcel_number</c>, <c>appointment</c>.
/// </summary>
public sealed record DocumentModel
{
    /// <summary>The Circular 03/2025 form number ("01"…"07"), or empty for a procedure's own document.</summary>
    public required string Form { get; init; }
    public required string Title { get; init; }
    public required string DossierCode { get; init; }
    public required ProcedureInfo Procedure { get; init; }
    public required UnitInfo IssuingUnit { get; init; }
    public required UnitInfo ReceivingUnit { get; init; }

    /// <summary>The place written before the date: "Hải Phòng".</summary>
    public required string Place { get; init; }

    /// <summary>"ngày 02 tháng 3 năm 2026".</summary>
    public required string IssuedOn { get; init; }

    /// <summary>"09 giờ 00 phút, ngày 02 tháng 3 năm 2026".</summary>
    public required string IssuedAt { get; init; }

    public required ApplicantInfo Applicant { get; init; }

    /// <summary>Every field of the procedure, formatted for print ("" when not given).</summary>
    public required ImmutableSortedDictionary<string, string> Fields { get; init; }

    /// <summary>The fields with their Vietnamese labels, in the order the procedure declares them.</summary>
    public required ImmutableArray<LabelledValue> FieldList { get; init; }

    /// <summary>The papers handed in so far, in the form and number received (Mẫu 01 lists exactly these).</summary>
    public required ImmutableArray<ComponentInfo> Components { get; init; }

    /// <summary>
    /// The required papers not yet handed in, in the form and number the procedure asks for (Mẫu 02 asks for them).
    /// </summary>
    public ImmutableArray<ComponentInfo> MissingComponents { get; init; } = [];

    public required string Channel { get; init; }
    public required string ReceivedAt { get; init; }

    /// <summary>
    /// The appointment the law sets ("… giờ … phút, ngày … tháng … năm …"), or "" before the clock
    /// starts.
    /// </summary>
    public required string Appointment { get; init; }

    /// <summary>The new date promised by an apology, or "".</summary>
    public required string PromisedAppointment { get; init; }

    /// <summary>Why: the supplement needed, the refusal, the delay, the stop; "" when the event has none.</summary>
    public required string Reason { get; init; }

    public required Signatory Signatory { get; init; }
    public required LookupInfo Lookup { get; init; }

    /// <summary>The case's place in the receiving unit's tracking book, as the receipt prints it.</summary>
    public required BookInfo Book { get; init; }

    /// <summary>The hand-overs of the control slip: every task so far.</summary>
    public required ImmutableArray<HandOver> HandOvers { get; init; }
}

public sealed record ProcedureInfo(
    string Code, int Version, string Title, string NationalCode, string StatutoryDeadline);

public sealed record UnitInfo(string Code, string Name, string ParentName);

public sealed record ApplicantInfo(string Name, string Address, string Phone, string IdNumber);

public sealed record LabelledValue(string Label, string Value);

public sealed record ComponentInfo(int Index, string Name, string Form, int Quantity, bool Required);

/// <summary>Who signs: the acting user, the role they acted in (its Vietnamese title) and their unit.</summary>
public sealed record Signatory(string Name, string Position, string Role, string Unit);

/// <summary>
/// Where and with what the citizen looks the dossier up: the public page, the secret, the page's link with the dossier
/// code filled in, and that link as a QR code image (a <c>data:</c> URI; "" when the caller draws none).
/// </summary>
public sealed record LookupInfo(string Url, string Secret, string Link, string QrCode);

/// <summary>
/// The tracking-book reference of the receipt: the volume as two digits ("01") and the order number; both ""
/// when no book was kept, and the form leaves them to be filled in by hand.
/// </summary>
public sealed record BookInfo(string Volume, string Number);

/// <summary>
/// One row of the control slip: who had the dossier, from when, until when it was due, and how it ended.
/// </summary>
public sealed record HandOver(
    int Index, string Step, string Unit, string Received, string Due, string Done, string Result)
{
    /// <summary>Who handed the dossier over to this step, by name.</summary>
    public string Giver { get; init; } = "";

    /// <summary>Who took it and did the step, by name; empty while it is open.</summary>
    public string Taker { get; init; } = "";
}
