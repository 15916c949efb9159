using System.Collections.Immutable;
using OneStopWorkflow.Engine.Definitions;

namespace OneStopWorkflow.Hosting.Audit;

/// <summary>
/// The six Decision 766 indicators the audit figures report, each named and with its formula in words, in both
/// languages: what the audit page shows on hover, the exports put in their headers and the CLI prints.
/// </summary>
public sealed record Decision766Indicator(string Number, LocalizedText Name, LocalizedText Formula)
{
    public static readonly ImmutableArray<Decision766Indicator> All =
    [
        new("2.1",
            new("Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn", "Dossiers processed early or on time"),
            new("(trước hạn + đúng hạn + đang giải quyết trong hạn − hồ sơ yêu cầu bổ sung quá 1 lần) ÷ hồ sơ "
                + "phải giải quyết (đã bắt đầu tính thời hạn, không kể rút hồ sơ); thời gian chờ bổ sung không tính",
                "(early + on time + open within the appointment − those asked for a supplement more than once) ÷ "
                + "dossiers handled (clock started, not withdrawn); time waiting for a supplement does not count")),
        new("2.2",
            new("Thời gian giải quyết trung bình (ngày làm việc)", "Average processing time (working days)"),
            new("tổng thời gian làm việc từ khi bắt đầu tính thời hạn đến khi kết thúc, trừ thời gian dừng tính "
                + "(chờ bổ sung, thực hiện nghĩa vụ tài chính) ÷ số hồ sơ đã giải quyết xong hoặc từ chối",
                "total working time from the clock's start to the end, less the time the clock was stopped "
                + "(supplement, tax payment) ÷ dossiers resolved or refused")),
        new("3.3",
            new("Tỷ lệ hồ sơ trực tuyến", "Online dossiers"),
            new("hồ sơ nộp trực tuyến (thủ tục có kết quả bản giấy: chỉ hồ sơ đã có kết quả điện tử) ÷ hồ sơ "
                + "tiếp nhận",
                "dossiers submitted online (for a procedure whose result is a paper, only those that also got an "
                + "electronic result) ÷ dossiers received")),
        new("4.1",
            new("Tỷ lệ hồ sơ có kết quả điện tử", "Dossiers with an electronic result"),
            new("hồ sơ có kết quả điện tử ÷ hồ sơ của thủ tục có kết quả bản giấy",
                "dossiers with an electronic result ÷ dossiers of procedures whose result is a paper")),
        new("4.2",
            new("Tỷ lệ hồ sơ được số hóa", "Digitised dossiers"),
            new("hồ sơ có thành phần được số hóa (và có kết quả điện tử nếu kết quả là bản giấy) ÷ hồ sơ tiếp nhận",
                "dossiers with digitised components (and an electronic result where the result is a paper) ÷ "
                + "dossiers received")),
        new("5.4",
            new("Mức độ hài lòng trong tiếp nhận, giải quyết TTHC", "Satisfaction with receiving and resolving"),
            new("100 % − tỷ lệ hồ sơ quá hạn (100 % − chỉ số 2.1) − tỷ lệ hồ sơ bị phản ánh hoặc không hài lòng "
                + "(đánh giá 1–2 trên 5) trên hồ sơ tiếp nhận",
                "100 % − the overdue rate (100 % − indicator 2.1) − the share of dossiers with a complaint or "
                + "\"dislike\" (rated 1–2 of 5) among the dossiers received")),
    ];

    public static Decision766Indicator Of(string number) => All.Single(i => i.Number == number);
}
