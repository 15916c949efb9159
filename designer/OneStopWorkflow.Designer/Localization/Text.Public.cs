namespace OneStopWorkflow.Designer.Localization;

/// <summary>
/// The words of the pages citizens read without signing in: the public catalogue of procedures, online submission
/// and the electronic result; <see cref="T"/> finds them as it finds the staff's words.
/// </summary>
public static partial class Text
{
    private static readonly Dictionary<string, (string Vi, string En)> PublicWords = new(StringComparer.Ordinal)
    {
        // The public catalogue of procedures (/thu-tuc).
        ["catalogue"] = ("Thủ tục hành chính", "Administrative procedures"),
        ["cat-help"] = (
            "Các thủ tục hành chính đang áp dụng: nơi tiếp nhận, thời hạn giải quyết, phí, lệ phí, thành phần hồ sơ "
            + "và mẫu đơn. Không cần đăng nhập.",
            "The administrative procedures in force: where to submit, how long they take, fees, the papers to bring "
            + "and the forms. No sign-in needed."),
        ["cat-search"] = ("Tên thủ tục, mã thủ tục", "Procedure name or code"),
        ["cat-search-hint"] = (
            "Gõ có dấu hoặc không dấu, ví dụ: chuyen nhuong dat", "With or without diacritics, e.g. chuyen nhuong"),
        ["cat-unit"] = ("Nơi nộp hồ sơ", "Where you submit"),
        ["cat-any-unit"] = ("Tất cả đơn vị", "Any unit"),
        ["cat-find"] = ("Tìm kiếm", "Search"),
        ["cat-clear"] = ("Xóa tìm kiếm", "Clear"),
        ["cat-found"] = ("Có {0} thủ tục", "{0} procedure(s)"),
        ["cat-none"] = (
            "Không có thủ tục nào phù hợp. Hãy thử từ khóa khác hoặc chọn \"Tất cả đơn vị\".",
            "No procedure matches. Try other words or choose \"Any unit\"."),
        ["cat-national-code"] = ("Mã thủ tục", "Procedure code"),
        ["cat-received-at"] = ("Cơ quan tiếp nhận", "Received by"),
        ["cat-units"] = ("{0}: {1} đơn vị", "{0}: {1} units"),
        ["cat-time"] = ("Thời hạn giải quyết", "Statutory time"),
        ["cat-online"] = ("Có nộp trực tuyến", "Can be submitted online"),
        ["cat-counter-only"] = ("Nộp trực tiếp tại bộ phận một cửa", "At the one-stop counter"),
        ["cat-submit-online"] = ("Nộp trực tuyến", "Submit online"),
        ["cat-back"] = ("Danh mục thủ tục", "All procedures"),
        ["cat-general"] = ("Thông tin chung", "Overview"),
        ["cat-version"] = ("Phiên bản {0}", "Version {0}"),
        ["cat-fees"] = ("Phí, lệ phí", "Fees and charges"),
        ["cat-fee"] = ("Loại phí, lệ phí", "Fee or charge"),
        ["cat-amount"] = ("Mức thu", "Amount"),
        ["cat-no-fees"] = ("Không thu phí, lệ phí.", "No fee or charge."),
        ["cat-legal-basis"] = ("Căn cứ pháp lý", "Legal basis"),
        ["cat-components"] = ("Thành phần hồ sơ", "Papers to bring"),
        ["cat-no"] = ("STT", "No."),
        ["cat-paper"] = ("Tên giấy tờ", "Paper"),
        ["cat-form"] = ("Hình thức", "Form"),
        ["cat-quantity"] = ("Số lượng", "Quantity"),
        ["cat-required"] = ("Bắt buộc", "Required"),
        ["cat-if-any"] = ("Nếu có", "If applicable"),
        ["cat-forms"] = ("Mẫu đơn, tờ khai, giấy tờ", "Forms to download"),
        ["cat-forms-help"] = (
            "Bản trống để in hoặc xem trước: mẫu đơn của thành phần hồ sơ, và các giấy tờ cơ quan sẽ giao cho người "
            + "nộp (giấy tiếp nhận, phiếu yêu cầu bổ sung, kết quả...).",
            "Blank copies to print or read beforehand: a paper's own form, and the papers the office hands you "
            + "(the receipt, a supplement request, the result…)."),
        ["cat-download"] = ("Tải mẫu", "Download"),
        ["cat-no-forms"] = ("Thủ tục này không có mẫu để tải về.", "This procedure has no forms to download."),
        ["cat-where"] = ("Nơi nộp hồ sơ", "Where to submit"),
        ["cat-where-help"] = (
            "Nộp trực tiếp tại bộ phận một cửa của một trong các đơn vị sau:",
            "In person at the one-stop counter of one of these units:"),
        ["cat-result"] = ("Kết quả giải quyết", "Result"),
        ["cat-result-paper"] = ("Có trả bản giấy tại nơi nộp hồ sơ.", "A paper is returned where you submitted."),
        ["cat-result-electronic"] = ("Trả kết quả điện tử.", "The result is electronic."),
        ["cat-fields"] = ("Thông tin người nộp cần khai", "What you will be asked"),
        ["cat-field"] = ("Thông tin", "Information"),
        ["cat-kind"] = ("Cách ghi", "Answer"),
        ["cat-see-catalogue"] = ("Xem danh mục thủ tục hành chính", "See the administrative procedures"),
        ["ev-e-result-issued"] = ("Lưu kết quả điện tử", "Electronic result filed"),
        ["e-result"] = ("Kết quả điện tử", "Electronic result"),
        ["e-result-download"] = ("Tải kết quả điện tử (PDF)", "Download the electronic result (PDF)"),
        ["e-result-issued-at"] = (
            "Kết quả điện tử được phát hành lúc {0}.", "The electronic result was issued at {0}."),
        ["e-result-help"] = (
            "Bản điện tử của kết quả giải quyết hồ sơ; bản giấy (nếu có) nhận tại nơi nhận kết quả.",
            "The electronic copy of the result; collect the paper (if any) where the result is returned."),
        ["e-result-pending"] = (
            "Kết quả điện tử đang được tạo; tải lại trang sau ít phút.",
            "The electronic result is being prepared; reload the page in a few minutes."),
        ["e-result-problem"] = (
            "Chưa tạo được kết quả điện tử (từ {0}): {1} Hệ thống sẽ tự thử lại; hãy báo quản trị viên.",
            "The electronic result could not be made yet (since {0}): {1} The system retries by itself; tell an "
                + "admin."),
    };
}
