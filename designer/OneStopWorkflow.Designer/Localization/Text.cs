using System.Globalization;

namespace OneStopWorkflow.Designer.Localization;

/// <summary>
/// The UI's words in Vietnamese (the default) and English. <c>T("inbox")</c> follows the request's culture, which
/// the language switch sets in a cookie.
/// </summary>
public static class Text
{
    private static readonly Dictionary<string, (string Vi, string En)> Words = new(StringComparer.Ordinal)
    {
        ["app"] = ("Một cửa điện tử", "One-stop workflow"),
        ["inbox"] = ("Hồ sơ cần xử lý", "Inbox"),
        ["reception"] = ("Tiếp nhận", "Reception"),
        ["receive"] = ("Tiếp nhận hồ sơ", "Receive a dossier"),
        ["lookup"] = ("Tra cứu hồ sơ", "Look up a dossier"),
        ["admin"] = ("Người dùng", "Users"),
        ["sign-in"] = ("Đăng nhập", "Sign in"),
        ["sign-out"] = ("Đăng xuất", "Sign out"),
        ["user-name"] = ("Tên đăng nhập", "User name"),
        ["password"] = ("Mật khẩu", "Password"),
        ["sign-in-failed"] = ("Sai tên đăng nhập hoặc mật khẩu.", "Wrong user name or password."),
        ["locked"] = ("Tài khoản tạm khóa do đăng nhập sai nhiều lần; thử lại sau ít phút.", "The account is locked after repeated failures; try again in a few minutes."),
        ["demo-users"] = ("Người dùng thử (chỉ ở môi trường phát triển), mật khẩu", "Demo users (development only), password"),
        ["unit"] = ("Đơn vị", "Unit"),
        ["procedure"] = ("Thủ tục", "Procedure"),
        ["status"] = ("Trạng thái", "Status"),
        ["search"] = ("Tìm theo mã hồ sơ", "Search by dossier code"),
        ["dossier-code"] = ("Mã hồ sơ", "Dossier code"),
        ["step"] = ("Bước", "Step"),
        ["due"] = ("Hạn xử lý", "Due"),
        ["appointment"] = ("Ngày hẹn trả", "Appointment"),
        ["all"] = ("Tất cả", "All"),
        ["overdue"] = ("Quá hạn", "Overdue"),
        ["due-soon"] = ("Sắp đến hạn", "Due soon"),
        ["on-time"] = ("Trong hạn", "On time"),
        ["not-overdue"] = ("Chưa quá hạn", "Not overdue"),
        ["no-tasks"] = ("Không có hồ sơ nào cần xử lý.", "No open tasks."),
        ["call-next"] = ("Gọi số tiếp theo", "Call the next ticket"),
        ["ticket"] = ("Số thứ tự", "Ticket"),
        ["advice-only"] = ("Chỉ hướng dẫn", "Advice only"),
        ["receive-dossier"] = ("Nhận hồ sơ", "Receive a dossier"),
        ["note"] = ("Ghi chú", "Note"),
        ["components"] = ("Thành phần hồ sơ", "Dossier components"),
        ["accept"] = ("Tiếp nhận và in giấy hẹn", "Accept and print the receipt"),
        ["request-supplement"] = ("Yêu cầu bổ sung", "Request a supplement"),
        ["refuse"] = ("Từ chối tiếp nhận", "Refuse"),
        ["reason"] = ("Lý do", "Reason"),
        ["required"] = ("Bắt buộc", "Required"),
        ["fields"] = ("Thông tin hồ sơ", "Case fields"),
        ["timeline"] = ("Quá trình xử lý", "Timeline"),
        ["documents"] = ("Giấy tờ đã phát hành", "Documents"),
        ["actions"] = ("Thao tác", "Actions"),
        ["no-actions"] = ("Bạn không có thao tác nào trên hồ sơ này lúc này.", "There is nothing you may do on this case now."),
        ["hand-up"] = ("Chuyển lên cấp tỉnh", "Hand up to the province"),
        ["to-unit"] = ("Đơn vị nhận", "To unit"),
        ["time-left"] = ("Thời gian còn lại (giờ làm việc)", "Time left (working hours)"),
        ["conflict"] = ("Hồ sơ vừa được người khác thay đổi. Đã tải lại; nội dung bạn nhập vẫn được giữ.", "This case was changed by someone else. It has been reloaded; what you typed is kept."),
        ["done"] = ("Đã thực hiện", "Done"),
        ["open"] = ("Mở", "Open"),
        ["print"] = ("In", "Print"),
        ["secret"] = ("Mã tra cứu (trên giấy hẹn)", "Secret (on the receipt)"),
        ["find"] = ("Tra cứu", "Look up"),
        ["steps-done"] = ("Các bước đã hoàn thành", "Steps done"),
        ["collect-at"] = ("Nơi nhận kết quả", "Collect the result at"),
        ["rate"] = ("Đánh giá mức độ hài lòng", "Rate your satisfaction"),
        ["comment"] = ("Góp ý", "Comment"),
        ["send"] = ("Gửi", "Send"),
        ["thanks"] = ("Cảm ơn ông/bà đã đánh giá.", "Thank you for your rating."),
        ["rated"] = ("Đã đánh giá", "Rated"),
        ["forbidden"] = ("Bạn không có quyền xem trang này.", "You may not see this page."),
        ["create-user"] = ("Tạo người dùng", "Create a user"),
        ["display-name"] = ("Họ tên", "Full name"),
        ["role"] = ("Vai trò", "Role"),
        ["add"] = ("Thêm", "Add"),
        ["remove"] = ("Bỏ", "Remove"),
        ["memberships"] = ("Đơn vị và vai trò", "Units and roles"),
        ["case"] = ("Hồ sơ", "Case"),
        ["received-at"] = ("Ngày tiếp nhận", "Received"),
        ["outcome"] = ("Kết quả", "Outcome"),
        ["version"] = ("Phiên bản", "Version"),
        ["language"] = ("English", "Tiếng Việt"),
        ["page-not-found"] = ("Không tìm thấy trang.", "Page not found."),
        ["help-inbox"] = ("Các công việc đang mở của đơn vị, sắp xếp theo hạn xử lý: đỏ là quá hạn, vàng là sắp đến hạn.", "Your unit's open tasks, soonest due first: red is overdue, amber is due soon."),
        ["help-receive"] = ("Chọn thủ tục, nhập thông tin theo giấy tờ công dân nộp; hệ thống tính ngày hẹn trả theo ngày làm việc.", "Pick the procedure and type the details from the papers; the appointment is computed in working days."),
        ["help-lookup"] = ("Nhập mã hồ sơ và mã tra cứu in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.", "Enter the dossier code and the secret printed on your receipt."),
    };

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string T(string key) =>
        Words.TryGetValue(key, out var word) ? (IsEnglish ? word.En : word.Vi) : key;
}
