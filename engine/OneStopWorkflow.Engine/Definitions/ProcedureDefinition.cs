using System.Collections.Immutable;
using OneStopWorkflow.Engine.Diagnostics;

namespace OneStopWorkflow.Engine.Definitions;

/// <summary>
/// One immutable version of an administrative procedure, as loaded from <c>procedure.json</c>.
/// Cases are pinned to a version and its content hash for their whole life.
/// </summary>
public sealed record ProcedureDefinition
{
    public required ProcedureCode Code { get; init; }
    public required int Version { get; init; }
    public string? NationalCode { get; init; }
    public required LocalizedText Title { get; init; }
    public ImmutableArray<string> LegalBasis { get; init; } = [];

    /// <summary>Jurisdiction levels whose one-stop units may receive this procedure: province, commune.</summary>
    public ImmutableArray<string> ReceivableAt { get; init; } = [];

    public required string Calendar { get; init; }
    public required StatutoryDeadline StatutoryDeadline { get; init; }

    /// <summary>
    /// Dossiers received after this local time count from the next working day (15:00, Decree 61 art. 18).
    /// </summary>
    public TimeOnly? CutOff { get; init; }

    public WorkingDuration DueSoon { get; init; } = WorkingDuration.Days(1);

    /// <summary>
    /// How far past the appointment a leader may promise a new one (once, Decree 61 art. 19(9)); null sets no
    /// limit but the calendar's years.
    /// </summary>
    public WorkingDuration? MaxExtension { get; init; }
    public ImmutableArray<DeadlineAdjustment> DeadlineAdjustments { get; init; } = [];
    public ImmutableArray<FieldDefinition> Fields { get; init; } = [];
    public ImmutableArray<ComponentDefinition> Components { get; init; } = [];
    public ImmutableArray<DocumentDefinition> Documents { get; init; } = [];
    public required StepId Start { get; init; }
    public ImmutableArray<StepDefinition> Steps { get; init; } = [];

    /// <summary>Escalations on the case as a whole, measured against its appointment.</summary>
    public ImmutableArray<EscalationDefinition> Escalations { get; init; } = [];

    /// <summary>Documents issued when the applicant withdraws (the stop notice, Mẫu 05).</summary>
    public ImmutableArray<string> WithdrawalDocuments { get; init; } = [];

    /// <summary>
    /// The roles at the receiving unit that may record the applicant's withdrawal; the clerk and the leader unless
    /// the procedure names others (<c>withdrawal.by</c>).
    /// </summary>
    public ImmutableArray<string> WithdrawalRoles { get; init; } = DefaultWithdrawalRoles;

    /// <summary>Where <c>withdrawal.by</c> is written, for its diagnostics (else where the procedure is).</summary>
    public SourceLocation WithdrawalLocation { get; init; }

    /// <summary>Who records a withdrawal when the procedure does not say: the receiving unit's clerk, leader.</summary>
    public static readonly ImmutableArray<string> DefaultWithdrawalRoles = [Units.Roles.Clerk, Units.Roles.Leader];

    /// <summary>The fees and charges, in đồng, as the public catalogue lists them; empty when none is set.</summary>
    public ImmutableArray<Fee> Fees { get; init; } = [];

    /// <summary>The document that is the case's e-result, and whether the result is a paper; optional.</summary>
    public ResultDefinition? Result { get; init; }

    /// <summary>Set when citizens may submit the dossier online; null when only the counter receives it.</summary>
    public OnlineService? Online { get; init; }

    public SourceLocation Location { get; init; }

    /// <summary>
    /// The checked templates of the version's documents, set by the loader; not part of the canonical JSON (the
    /// template files are content of their own).
    /// </summary>
    public Templates.DocumentTemplates? Templates { get; init; }

    /// <summary>The standard fields of the applicant, printed on every form's applicant block.</summary>
    public static readonly ImmutableArray<string> ApplicantFields =
        ["applicant_name", "applicant_id_number", "applicant_address", "applicant_phone"];

    /// <summary>
    /// The fields that say who the applicant is and how to reach them: those marked <c>contact</c>, or, when the
    /// procedure marks none, its standard applicant fields. An intake action that does not accept the dossier
    /// (a supplement request, a refusal) needs only the required ones among them.
    /// </summary>
    public ImmutableArray<FieldDefinition> ContactFields =>
        Fields.Any(f => f.Contact) ? [.. Fields.Where(f => f.Contact)]
        : [.. Fields.Where(f => ApplicantFields.Contains(f.Name))];

    public StepDefinition? FindStep(StepId id) => Steps.FirstOrDefault(s => s.Id == id);

    public StepDefinition Step(StepId id) =>
        FindStep(id) ?? throw new InvalidOperationException($"Step '{id}' is not in {Code} v{Version}.");

    public DocumentDefinition? FindDocument(string id) => Documents.FirstOrDefault(d => d.Id == id);

    public override string ToString() => $"{Code} v{Version}";
}
