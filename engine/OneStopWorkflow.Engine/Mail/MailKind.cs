using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Runtime;

namespace OneStopWorkflow.Engine.Mail;

/// <summary>The mails a case sends its applicant, each caused by one event of the trail.</summary>
public enum MailKind
{
    /// <summary>The receipt and appointment (a document of form 01 issued).</summary>
    Receipt,

    /// <summary>A request to supplement the dossier (form 02).</summary>
    SupplementRequest,

    /// <summary>A refusal of the dossier (form 03).</summary>
    Refusal,

    /// <summary>An apology with the new promised date (the case rescheduled).</summary>
    Apology,

    /// <summary>The result is ready (the case finished resolved).</summary>
    Result,

    /// <summary>A dossier submitted online reached the unit: its code, secret, and that a clerk checks it.</summary>
    Submitted,
}

/// <summary>Which event causes which mail, and the names mails go by in templates and the outbox.</summary>
public static class MailKinds
{
    /// <summary>The kind's name in the outbox and in its template's file name: <c>supplement-request</c>.</summary>
    public static string Name(MailKind kind) => kind switch
    {
        MailKind.Receipt => "receipt",
        MailKind.SupplementRequest => "supplement-request",
        MailKind.Refusal => "refusal",
        MailKind.Apology => "apology",
        MailKind.Result => "result",
        MailKind.Submitted => "submitted",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind a name in the outbox stands for; null for a name no kind has.</summary>
    public static MailKind? Parse(string name) =>
        Enum.GetValues<MailKind>().Cast<MailKind?>().FirstOrDefault(k => Name(k!.Value) == name);

    /// <summary>The template a kind's mail is written from: <c>mail-receipt.sbn-txt</c>.</summary>
    public static string TemplateName(MailKind kind) => $"mail-{Name(kind)}.sbn-txt";

    /// <summary>
    /// The mail an event causes, if any: a receipt, a supplement request or a refusal issued (by the form of
    /// Circular 03/2025 the document is declared with), the case rescheduled (the apology, whether or not the
    /// version issues a paper for it), the case finished resolved (the result is ready).
    /// </summary>
    public static MailKind? CausedBy(CaseEvent e) => e switch
    {
        DocumentIssued { Form: "01" } => MailKind.Receipt,
        DocumentIssued { Form: "02" } => MailKind.SupplementRequest,
        DocumentIssued { Form: "03" } => MailKind.Refusal,
        CaseRescheduled => MailKind.Apology,
        CaseFinished { Outcome: Outcome.Resolved } => MailKind.Result,
        CaseReceived { Channel: CaseChannel.Online } => MailKind.Submitted,
        _ => null,
    };

    /// <summary>The heading of the model a mail is rendered with, when no document of the version gives one.</summary>
    internal static string Title(MailKind kind) => kind switch
    {
        MailKind.Receipt => "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
        MailKind.SupplementRequest => "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
        MailKind.Refusal => "Phiếu từ chối tiếp nhận giải quyết hồ sơ",
        MailKind.Apology => "Phiếu xin lỗi và hẹn lại ngày trả kết quả",
        MailKind.Submitted => "Thông báo đã nhận hồ sơ nộp trực tuyến",
        _ => "Thông báo kết quả giải quyết hồ sơ",
    };
}
