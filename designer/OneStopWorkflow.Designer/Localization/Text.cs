using System.Globalization;
using OneStopWorkflow.Engine.Definitions;
using OneStopWorkflow.Engine.Refusals;

namespace OneStopWorkflow.Designer.Localization;

/// <summary>
/// The UI's words in Vietnamese (the default) and English. <c>T("inbox")</c> follows the request's culture, which
/// the language switch sets in a cookie.
/// </summary>
public static partial class Text
{
    private static readonly Dictionary<string, (string Vi, string En)> Words = new(StringComparer.Ordinal)
    {
        ["app"] = ("Một cửa điện tử", "One-stop workflow"),
        ["inbox"] = ("Hồ sơ cần xử lý", "Inbox"),
        ["reception"] = ("Tiếp nhận", "Reception"),
        ["receive"] = ("Tiếp nhận hồ sơ", "Receive a dossier"),
        ["lookup"] = ("Tra cứu hồ sơ", "Look up a dossier"),
        ["online-dossiers"] = ("Hồ sơ trực tuyến", "Online dossiers"),
        ["admin"] = ("Người dùng", "Users"),
        ["sign-in"] = ("Đăng nhập", "Sign in"),
        ["sign-out"] = ("Đăng xuất", "Sign out"),
        ["user-name"] = ("Tên đăng nhập", "User name"),
        ["password"] = ("Mật khẩu", "Password"),
        // One answer for an unknown user, a wrong password and a locked account: it must not tell them apart.
        ["sign-in-failed"] = (
            "Sai tên đăng nhập hoặc mật khẩu, hoặc tài khoản đang tạm khóa. Vui lòng thử lại sau ít phút hoặc liên hệ "
                + "quản trị viên.",
            "Wrong user name or password, or the account is locked for a while. Try again in a few minutes or ask an "
                + "admin."),
        ["sign-in-throttled"] = (
            "Đăng nhập quá nhiều lần; vui lòng chờ vài phút rồi thử lại.",
            "Too many sign-in attempts; wait a few minutes and try again."),
        ["locked"] = (
            "Tài khoản tạm khóa do đăng nhập sai nhiều lần; thử lại sau ít phút.",
            "The account is locked after repeated failures; try again in a few minutes."),
        ["form-expired"] = (
            "Trang đăng nhập đã hết hạn; hãy đăng nhập lại.",
            "The sign-in page had expired; please sign in again."),
        ["demo-users"] = (
            "Người dùng thử (chỉ ở môi trường phát triển), mật khẩu",
            "Demo users (development only), password"),
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
        ["issue-ticket"] = ("Cấp số", "Issue a ticket"),
        ["counter"] = ("Quầy số", "Counter"),
        ["recall"] = ("Gọi lại", "Call again"),
        ["skip"] = ("Vắng mặt, bỏ qua", "Absent: skip"),
        ["serve"] = ("Phục vụ số này", "Serve this one"),
        ["refresh"] = ("Làm mới", "Refresh"),
        ["queue-today"] = ("Hàng chờ hôm nay", "Today's queue"),
        ["no-tickets"] = ("Hôm nay chưa có ai lấy số.", "Nobody has taken a ticket today."),
        ["ticket-waiting"] = ("Đang chờ", "Waiting"),
        ["ticket-called"] = ("Đang gọi", "Called"),
        ["ticket-served"] = ("Đã phục vụ", "Served"),
        ["ticket-skipped"] = ("Vắng mặt", "Skipped"),
        ["visit-advice"] = ("chỉ hướng dẫn", "advice only"),
        ["visit-dossier"] = ("nộp hồ sơ", "dossier"),
        ["issued-at"] = ("Lấy số lúc", "Taken at"),
        ["called-at"] = ("Gọi lúc", "Called at"),
        ["called-by"] = ("Người gọi", "Called by"),
        ["help-reception"] = (
            "Cấp số cho công dân, gọi người chờ lâu nhất đến quầy của bạn; gọi lại nếu chưa thấy đến, bỏ qua nếu "
            + "vắng mặt. Chọn số quầy của bạn một lần, trang ghi nhớ trong phiên làm việc.",
            "Issue tickets, call whoever has waited longest to your counter; call again if nobody comes, skip when "
            + "absent. Choose your counter once; the page keeps it for the session."),
        ["msg-issued"] = ("Đã cấp số {0}. Mời công dân ngồi chờ đến lượt.", "Ticket {0} issued; please wait."),
        ["msg-called"] = ("Mời công dân số {0} đến quầy {1}.", "Ticket {0}, please come to counter {1}."),
        ["msg-recalled"] = (
            "Đã gọi lại số {0} đến quầy {1} (lần {2}).", "Ticket {0} called again to counter {1} (time {2})."),
        ["msg-skipped"] = ("Đã bỏ qua số {0}: công dân vắng mặt.", "Ticket {0} skipped: the citizen is absent."),
        ["msg-advice"] = ("Đã kết thúc lượt số {0}: chỉ hướng dẫn.", "Ticket {0} closed: advice only."),
        ["serving"] = ("Đang phục vụ số {0} — quầy {1}", "Now serving ticket {0} — counter {1}"),
        ["served-with"] = ("Số {0} đã được phục vụ, gắn với hồ sơ {1}.", "Ticket {0} served, linked to case {1}."),
        ["ticket-at-counter"] = ("{0}, phục vụ tại quầy {1}", "{0}, served at counter {1}"),
        ["receive-next"] = ("Tiếp nhận hồ sơ tiếp theo", "Receive the next"),
        ["print-receipt"] = ("In giấy tờ vừa cấp", "Print the paper just issued"),
        ["advice-only"] = ("Chỉ hướng dẫn", "Advice only"),
        ["receive-dossier"] = ("Nhận hồ sơ", "Receive a dossier"),
        ["note"] = ("Ghi chú", "Note"),
        ["components"] = ("Thành phần hồ sơ", "Dossier components"),
        ["help-components"] = (
            "Đánh dấu từng giấy tờ đã nhận, chọn hình thức và số lượng; thiếu giấy tờ bắt buộc thì yêu cầu bổ sung.",
            "Tick each paper handed in, with its form and number; when a required one is missing, request a "
            + "supplement."),
        ["component-form"] = ("Hình thức", "Form"),
        ["component-quantity"] = ("Số lượng", "Quantity"),
        ["component-missing"] = ("Chưa nộp", "Not handed in"),
        ["components-added"] = ("Giấy tờ nộp bổ sung", "Papers added"),
        ["accept"] = ("Tiếp nhận và in giấy hẹn", "Accept and print the receipt"),
        ["request-supplement"] = ("Yêu cầu bổ sung", "Request a supplement"),
        ["refuse"] = ("Từ chối tiếp nhận", "Refuse"),
        ["reason"] = ("Lý do", "Reason"),
        ["required"] = ("Bắt buộc", "Required"),
        ["fields"] = ("Thông tin hồ sơ", "Case fields"),
        ["timeline"] = ("Quá trình xử lý", "Timeline"),
        ["documents"] = ("Giấy tờ đã phát hành", "Documents"),
        ["actions"] = ("Thao tác", "Actions"),
        ["no-actions"] = (
            "Bạn không có thao tác nào trên hồ sơ này lúc này.",
            "There is nothing you may do on this case now."),
        ["hand-up"] = ("Chuyển lên cấp tỉnh", "Hand up to the province"),
        ["to-unit"] = ("Đơn vị nhận", "To unit"),
        ["time-left"] = ("Thời gian còn lại (ngày, giờ làm việc)", "Time left (working days, hours)"),
        ["conflict"] = (
            "Hồ sơ vừa được người khác thay đổi. Đã tải lại; nội dung bạn nhập vẫn được giữ.",
            "This case was changed by someone else. It has been reloaded; what you typed is kept."),
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
        ["account"] = ("Tài khoản", "Account"),
        ["disabled"] = ("Đã khóa", "Disabled"),
        ["locked-until"] = ("Tạm khóa đến", "Locked until"),
        ["disable"] = ("Khóa tài khoản", "Disable"),
        ["enable"] = ("Mở khóa", "Enable"),
        ["new-password"] = ("Mật khẩu mới", "New password"),
        ["reset-password"] = ("Đặt lại mật khẩu", "Reset the password"),
        ["case"] = ("Hồ sơ", "Case"),
        ["received-at"] = ("Ngày tiếp nhận", "Received"),
        ["outcome"] = ("Kết quả", "Outcome"),
        ["version"] = ("Phiên bản", "Version"),
        ["language"] = ("English", "Tiếng Việt"),
        ["page-not-found"] = ("Không tìm thấy trang.", "Page not found."),
        ["help-inbox"] = (
            "Các công việc đang mở của đơn vị, sắp xếp theo hạn xử lý: đỏ là quá hạn, vàng là sắp đến hạn.",
            "Your unit's open tasks, soonest due first: red is overdue, amber is due soon."),
        ["help-receive"] = (
            "Chọn thủ tục, nhập thông tin theo giấy tờ công dân nộp; hệ thống tính ngày hẹn trả theo ngày làm việc.",
            "Pick the procedure and type the details from the papers; the appointment is computed in working days."),
        ["designer"] = ("Thiết kế thủ tục", "Designer"),
        ["no-problems"] = ("Không có lỗi hay cảnh báo.", "No errors or warnings."),
        ["error"] = ("lỗi", "error"),
        ["warning"] = ("cảnh báo", "warning"),
        ["title-vi"] = ("Tên (tiếng Việt)", "Name (Vietnamese)"),
        ["title-en"] = ("Tên (tiếng Anh)", "Name (English)"),
        ["budget"] = ("Thời hạn của bước", "Step budget"),
        ["working-days"] = ("ngày làm việc", "working days"),
        ["working-hours"] = ("giờ làm việc", "working hours"),
        ["action-id"] = ("Mã thao tác", "Action id"),
        ["to-step"] = ("Đến bước", "To step"),
        ["action-id-hint"] = ("không bắt buộc", "optional"),
        ["budget-unit"] = ("Tính theo", "Counted in"),
        ["issues-documents"] = ("Giấy tờ ban hành", "Documents issued"),
        ["routing-receiving"] = ("Đơn vị tiếp nhận hồ sơ", "The receiving unit"),
        ["routing-step"] = ("Cùng đơn vị với bước", "The unit of another step"),
        ["routing-fixed"] = ("Một đơn vị trong danh mục", "A unit of the directory"),
        ["routing-rule"] = ("Theo quy tắc (sửa trong JSON của bước)", "By a rule (edit it in the step's JSON)"),
        ["routing-search"] = ("Tìm đơn vị theo tên", "Find a unit by its name"),
        ["diagnostic-at-step"] = ("Bước «{0}»: {1}", "Step “{0}”: {1}"),
        ["publish-refused"] = (
            "Chưa ban hành được: còn {0} lỗi dưới đây. Bấm vào một lỗi để mở bước có lỗi.",
            "Not published: {0} error(s) below remain. Click one to open its step."),
        ["step-json"] = ("Sửa trực tiếp (JSON, kiểm tra ngay khi nhập)", "Edit directly (JSON, checked as you type)"),
        ["insert-after"] = ("Chèn bước sau bước này", "Insert a step after this one"),
        ["remove-step"] = ("Xóa bước", "Delete the step"),
        ["add-step"] = ("Thêm bước", "Add a step"),
        ["new-draft"] = ("Tạo bản nháp mới từ phiên bản này", "Start a new draft from this version"),
        ["publish"] = ("Ban hành", "Publish"),
        ["retire"] = ("Ngừng áp dụng", "Retire"),
        ["export"] = ("Xuất (zip)", "Export (zip)"),
        ["import"] = ("Nhập phiên bản (zip)", "Import a version (zip)"),
        ["diff"] = ("So sánh với phiên bản trước", "Compare with the previous version"),
        ["templates"] = ("Mẫu giấy tờ", "Templates"),
        ["try-it"] = ("Chạy thử", "Try it"),
        ["preview"] = ("Xem trước", "Preview"),
        ["path-budget"] = (
            "Tổng thời hạn đường xử lý chính / thời hạn luật định (giờ làm việc)",
            "Main path budget / statutory deadline (working hours)"),
        ["statutory-deadline"] = ("Thời hạn giải quyết (ngày làm việc)", "Statutory deadline (working days)"),
        ["read-only"] = ("Phiên bản đã ban hành: chỉ xem.", "A published version: read only."),
        ["saved"] = ("Đã lưu bản nháp.", "Draft saved."),
        ["open-version"] = ("Mở", "Open"),
        ["run"] = ("Chạy", "Run"),
        ["help-tryit"] = (
            "Chọn một kịch bản mẫu hoặc soạn kịch bản mới: ai làm gì, lúc nào, nhập gì; bấm Chạy để xem hồ sơ đi qua "
            + "từng bước trên bản nháp, với hạn xử lý, thời điểm hoàn thành và giấy tờ được phát hành.",
            "Pick a sample or compose a scenario: who does what, when, with which input; Run shows the case going "
            + "through each step of the draft, with due times, when each was done and the documents issued."),
        ["tryit-sample"] = ("Kịch bản mẫu", "Sample scenario"),
        ["tryit-new"] = ("Soạn kịch bản mới", "Compose a new scenario"),
        ["tryit-json"] = ("JSON (cho chuyên gia)", "JSON (for experts)"),
        ["tryit-when"] = ("Thời điểm (ngày/tháng/năm giờ:phút)", "When (dd/MM/yyyy HH:mm)"),
        ["tryit-kind"] = ("Việc", "What"),
        ["tryit-action"] = ("Thao tác", "Action"),
        ["tryit-add-command"] = ("Thêm một việc", "Add a command"),
        ["tryit-story"] = ("Diễn biến hồ sơ khi chạy thử", "What happened in the run"),
        ["tryit-done-at"] = ("Hoàn thành lúc", "Done at"),
        ["tryit-cancelled"] = ("Đã hủy", "Cancelled"),
        ["tryit-preview"] = ("Xem giấy tờ", "View the document"),
        ["tryit-refused"] = ("Không thực hiện được «{0}»:", "“{0}” was refused:"),
        ["tryit-paused-hours"] = ("đã tạm dừng {0} giờ làm việc", "paused {0} working hours"),
        ["tryit-bad-form"] = (
            "Không đọc được kịch bản thành biểu mẫu ({0}); sửa trong JSON.",
            "The scenario cannot be shown as a form ({0}); fix it in the JSON."),
        ["tl-early"] = ("Sớm hạn", "Early"),
        ["tl-on-time"] = ("Đúng hạn", "On time"),
        ["tl-late"] = ("Quá hạn", "Late"),
        ["tl-open-on-time"] = ("Trong hạn", "Within time"),
        ["tl-due-soon"] = ("Sắp đến hạn", "Due soon"),
        ["tl-overdue"] = ("Quá hạn", "Overdue"),
        ["cmd-receive"] = ("Tiếp nhận hồ sơ", "Receive the dossier"),
        ["cmd-act"] = ("Thực hiện thao tác", "Take an action"),
        ["cmd-resubmit"] = ("Công dân nộp bổ sung", "The applicant resubmits"),
        ["cmd-handUp"] = ("Chuyển lên cấp trên", "Hand up"),
        ["cmd-hand-up"] = ("Chuyển lên cấp trên", "Hand up"),
        ["cmd-reassign"] = ("Chuyển đơn vị xử lý", "Reassign"),
        ["cmd-reschedule"] = ("Xin lỗi, hẹn lại ngày trả", "Apologise, promise a new date"),
        ["cmd-withdraw"] = ("Rút hồ sơ", "Withdraw"),
        ["cmd-tick"] = ("Hệ thống kiểm tra thời hạn", "The system checks deadlines"),
        ["help-designer"] = (
            "Kéo thả các bước, nối hai bước để thêm thao tác; bảng bên phải sửa thuộc tính. Lỗi được kiểm tra ngay; "
            + "chỉ ban hành được khi không còn lỗi.",
            "Drag steps, connect two steps to add an action; the panel on the right edits properties. Problems are "
            + "checked at once; only a draft without errors can be published."),
        ["diagnostics"] = ("Kiểm tra", "Diagnostics"),
        ["select-step"] = ("Chọn một bước trên sơ đồ để sửa.", "Select a step on the canvas to edit it."),
        ["audit"] = ("Kiểm tra việc giải quyết hồ sơ", "Audit"),
        ["help-audit"] = (
            "Số liệu theo ngày tiếp nhận, tính bằng cơ sở dữ liệu; bấm vào một số để xem các hồ sơ.",
            "Figures by day of receipt, computed by the database; click a figure for its cases."),
        ["from"] = ("Từ ngày", "From"),
        ["to"] = ("Đến ngày", "To"),
        ["received"] = ("Tiếp nhận", "Received"),
        ["early"] = ("Trả trước hạn", "Finished early"),
        ["finished-on-time"] = ("Trả đúng hạn", "Finished on time"),
        ["late"] = ("Trả quá hạn", "Finished late"),
        ["open-on-time"] = ("Đang giải quyết, trong hạn", "Open, on time"),
        ["withdrawn"] = ("Rút hồ sơ", "Withdrawn"),
        ["on-time-rate"] = ("Tỷ lệ đúng hạn (QĐ 766)", "On-time rate (Decision 766)"),
        ["online-share"] = ("Tỷ lệ nộp trực tuyến", "Online share"),
        ["satisfaction"] = ("Mức độ hài lòng", "Satisfaction"),
        ["escalations"] = ("Cảnh báo, chuyển cấp", "Escalations"),
        ["rate-by-month"] = ("Tỷ lệ đúng hạn theo tháng", "On-time rate by month"),
        ["rate-by-unit"] = ("Tỷ lệ đúng hạn theo đơn vị", "On-time rate by unit"),
        ["time-lost-by-step"] = ("Tỷ lệ đúng hạn theo bước", "Within budget by step"),
        ["no-figures"] = ("Chưa có số liệu trong kỳ này.", "No figures in this period."),
        ["figures-table"] = ("Bảng số liệu", "The figures as a table"),
        ["figures-behind"] = ("Số liệu", "Figures"),
        ["rate-percent"] = ("Tỷ lệ", "Rate"),
        ["month"] = ("Tháng", "Month"),
        ["target"] = ("Mục tiêu {0}", "Target {0}"),
        ["ratings"] = ("{0} lượt", "{0} ratings"),
        ["unit-figures"] = (
            "{0} tiếp nhận, {1} trả quá hạn, {2} đang quá hạn", "{0} received, {1} finished late, {2} overdue now"),
        ["cases-of-unit"] = ("Hồ sơ của {0}", "Cases of {0}"),
        ["help-bars"] = (
            "Bấm vào một cột để xem các hồ sơ của đơn vị.", "Click a bar for the unit's cases."),
        ["tracking-book"] = ("Sổ theo dõi hồ sơ (Mẫu 07)", "Tracking book (form 07)"),
        ["verify-trails"] = ("Kiểm tra toàn vẹn nhật ký", "Verify the trails"),
        ["verify-trail"] = ("Kiểm tra nhật ký", "Verify the trail"),
        ["control-slip"] = ("Phiếu kiểm soát", "Control slip"),
        ["daily"] = ("Số liệu hằng ngày", "Daily figures"),
        ["day"] = ("Ngày", "Day"),
        ["tickets"] = ("Lượt số thứ tự", "Tickets"),
        ["returned"] = ("Trả kết quả", "Returned"),
        ["procedure-json"] = ("Toàn bộ thủ tục (JSON)", "Whole procedure (JSON)"),
        ["help-procedure-json"] = (
            "Thành phần hồ sơ, trường thông tin, thời hạn, giờ chốt nhận, lịch, giấy tờ và quy tắc cảnh báo của thủ "
            + "tục; kiểm tra ngay khi rời ô nhập.",
            "The procedure's fields, components, deadlines, cut-off, calendar, documents and escalation rules; "
            + "checked as soon as you leave the box."),
        ["ev-case-received"] = ("Tiếp nhận hồ sơ", "Dossier received"),
        ["ev-clock-started"] = ("Bắt đầu tính thời hạn", "Clock started"),
        ["ev-clock-paused"] = ("Tạm dừng tính thời hạn", "Clock paused"),
        ["ev-clock-resumed"] = ("Tiếp tục tính thời hạn", "Clock resumed"),
        ["ev-clock-restarted"] = ("Tính lại thời hạn từ đầu", "Clock restarted"),
        ["ev-task-activated"] = ("Chuyển đến bước", "Task activated"),
        ["ev-task-completed"] = ("Hoàn thành bước", "Task completed"),
        ["ev-task-cancelled"] = ("Hủy bước", "Task cancelled"),
        ["ev-task-reassigned"] = ("Chuyển đơn vị xử lý", "Task reassigned"),
        ["ev-branch-joined"] = ("Hợp nhánh", "Branch joined"),
        ["ev-escalation-fired"] = ("Cảnh báo, chuyển cấp", "Escalation"),
        ["ev-document-issued"] = ("Phát hành giấy tờ", "Document issued"),
        ["ev-case-rescheduled"] = ("Hẹn lại ngày trả", "New date promised"),
        ["ev-case-finished"] = ("Kết thúc hồ sơ", "Case finished"),
        ["ev-components-handed-in"] = ("Nhận thành phần hồ sơ", "Papers handed in"),
        ["ev-fields-supplemented"] = ("Bổ sung thông tin hồ sơ", "Details supplemented"),
        ["case-open"] = ("Đang giải quyết", "Being processed"),
        ["case-paused"] = ("Tạm dừng tính thời hạn", "Paused"),
        ["case-finished"] = ("Đã kết thúc", "Finished"),
        ["outcome-resolved"] = ("đã trả kết quả", "result returned"),
        ["outcome-refused"] = ("từ chối giải quyết", "refused"),
        ["outcome-withdrawn"] = ("đã rút hồ sơ", "withdrawn"),
        ["result"] = ("Kết quả", "Result"),
        ["parent-unit"] = ("Đơn vị cấp trên trực tiếp", "The parent unit"),
        ["reschedule"] = ("Xin lỗi, hẹn lại ngày trả", "Apologise and promise a new date"),
        ["help-reschedule"] = (
            "Chỉ một lần cho mỗi hồ sơ; in Văn bản xin lỗi (Mẫu 04) với ngày hẹn mới.",
            "Once per case; issues the apology (form 04) with the new date."),
        ["new-appointment"] = ("Ngày hẹn trả mới", "New appointment"),
        ["choose-date"] = ("Chọn ngày và giờ hẹn trả mới.", "Choose the new date and time."),
        ["withdraw"] = ("Rút hồ sơ", "Withdraw the dossier"),
        ["withdraw-reason"] = ("Lý do công dân rút hồ sơ", "Why the applicant withdraws"),
        ["confirm"] = ("Xác nhận", "Confirm"),
        ["cancel"] = ("Hủy", "Cancel"),
        ["confirm-withdraw"] = (
            "Rút hồ sơ sẽ dừng giải quyết và in Thông báo dừng giải quyết; không hoàn tác được. Xác nhận?",
            "Withdrawing stops the case and issues the stop notice; it cannot be undone. Confirm?"),
        ["confirm-ends"] = (
            "«{0}» kết thúc hồ sơ mà không giải quyết; không hoàn tác được. Xác nhận?",
            "“{0}” ends the case without a result; it cannot be undone. Confirm?"),
        ["confirm-send-back"] = (
            "«{0}» trả hồ sơ về bước trước để làm lại. Xác nhận?",
            "“{0}” sends the case back to an earlier step. Confirm?"),
        ["waiting-applicant"] = (
            "Đang chờ công dân bổ sung từ {0}", "Waiting for the applicant's supplement since {0}"),
        ["waiting-agency"] = ("Đang chờ: {0} (từ {1})", "Waiting: {0} (since {1})"),
        ["step-overdue"] = ("Quá hạn", "Overdue"),
        ["verdict-early"] = ("trước hạn", "early"),
        ["verdict-on-time"] = ("đúng hạn", "on time"),
        ["verdict-late"] = ("quá hạn", "late"),
        ["at-time"] = ("lúc", "at"),
        ["form-no"] = ("Mẫu", "Form"),
        ["done-action"] = ("Đã thực hiện «{0}».", "“{0}” done."),
        ["case-now-finished"] = ("Hồ sơ đã kết thúc", "The case has ended"),
        ["case-now-at"] = ("Hồ sơ đang ở", "The case is now at"),
        ["table-units"] = ("Theo đơn vị", "By unit"),
        ["table-months"] = ("Theo tháng", "By month"),
        ["table-steps"] = ("Theo bước", "By step"),
        ["table-daily"] = ("Theo ngày", "By day"),
        ["table-indicators"] = ("Bộ chỉ số 766 theo đơn vị", "Decision 766 indicators by unit"),
        ["table-processing"] = ("Thời gian giải quyết theo thủ tục", "Processing time by procedure"),
        ["indicators-766"] = ("Bộ chỉ số 766", "Decision 766 indicators"),
        ["help-766"] = (
            "Các chỉ số theo Quyết định 766/QĐ-TTg của hồ sơ tiếp nhận trong kỳ, theo đơn vị và thủ tục đã chọn; "
            + "di chuột lên một chỉ số để xem công thức, hoặc mở \"Cách tính\".",
            "The indicators of Decision 766/QĐ-TTg for the dossiers received in the period, for the chosen unit and "
            + "procedure; hover over one for its formula, or open \"How they are computed\"."),
        ["formulas-766"] = ("Cách tính", "How they are computed"),
        ["indicators-by-unit"] = ("Bộ chỉ số 766 theo đơn vị", "Decision 766 indicators by unit"),
        ["processing-by-procedure"] = (
            "Thời gian giải quyết trung bình theo thủ tục (chỉ số 2.2)", "Average processing time by procedure (2.2)"),
        ["processed"] = ("Đã giải quyết", "Processed"),
        ["all-units"] = ("Tất cả đơn vị", "All units"),
        ["working-days-value"] = ("{0} ngày làm việc", "{0} working days"),
        ["basis-2-1"] = (
            "{0}/{1} hồ sơ; {2} hồ sơ bổ sung quá 1 lần",
            "{0} of {1} dossiers; {2} asked for a supplement more than once"),
        ["basis-2-2"] = ("trên {0} hồ sơ đã giải quyết", "over {0} dossiers processed"),
        ["basis-share"] = ("{0}/{1} hồ sơ", "{0} of {1} dossiers"),
        ["basis-5-4"] = ("quá hạn {0}, phản ánh {1}", "overdue {0}, complaints {1}"),
        ["trails-intact"] = (
            "Toàn vẹn: {0} hồ sơ, {1} sự kiện, không có sai lệch.", "Intact: {0} cases, {1} events, nothing altered."),
        ["step-time"] = ("{0}/{1} đúng hạn, trung bình {2} ngày", "{0}/{1} within budget, {2} working days on average"),
        ["applicant"] = ("Người nộp", "Applicant"),
        ["bad-request"] = ("Yêu cầu không hợp lệ.", "The request could not be taken."),
        ["store-unavailable"] = (
            "Hiện không kết nối được cơ sở dữ liệu; chưa có gì được lưu. Vui lòng thử lại sau ít phút.",
            "The database cannot be reached just now; nothing was saved. Try again in a few minutes."),
        ["server-problem"] = (
            "Hệ thống đang gặp sự cố; vui lòng thử lại sau.", "Something went wrong; try again later."),
        ["status-help"] = (
            "Kiểm tra lại địa chỉ, hoặc trở về trang chính để tiếp tục công việc.",
            "Check the address, or go back to the start page to carry on."),
        ["go-home"] = ("Về trang chính", "Go to the start page"),
        ["version-published"] = ("Đang áp dụng", "Published"),
        ["version-draft"] = ("Bản nháp", "Draft"),
        ["version-retired"] = ("Ngừng áp dụng", "Retired"),
        ["kind-task"] = ("bước xử lý", "task"),
        ["kind-wait"] = ("bước chờ", "wait"),
        ["kind-end"] = ("kết thúc", "end"),
        ["kind-parallel"] = ("song song", "parallel"),
        ["kind-join"] = ("hợp nhánh", "join"),
        ["card-task"] = ("Bước xử lý", "Task"),
        ["card-waitpause"] = ("Chờ · tạm dừng thời hạn", "Wait · clock paused"),
        ["card-waitrestart"] = ("Chờ · tính lại thời hạn", "Wait · clock restarts"),
        ["card-waitrun"] = ("Chờ · thời hạn vẫn tính", "Wait · clock runs"),
        ["card-parallel"] = ("Tách nhánh song song", "Parallel branches"),
        ["card-join"] = ("Hợp nhánh", "Join"),
        ["card-auto"] = ("Tự động", "Automatic"),
        ["card-endresolved"] = ("Kết thúc · trả kết quả", "End · resolved"),
        ["card-endrefused"] = ("Kết thúc · từ chối", "End · refused"),
        ["card-endother"] = ("Kết thúc", "End"),
        ["card-missing"] = ("Bước không tồn tại", "Missing step"),
        ["card-missing-help"] = ("Sửa thao tác trỏ đến bước này", "Fix the action that points here"),
        ["awaits-applicant"] = ("Chờ người nộp hồ sơ", "Awaits the applicant"),
        ["awaits-agency"] = ("Chờ cơ quan khác trả lời", "Awaits another agency"),
        ["unit-receiving"] = ("Bộ phận một cửa nhận hồ sơ", "The unit that received the dossier"),
        ["unit-by-rule"] = ("Đơn vị theo quy tắc", "Unit chosen by a rule"),
        ["link-resubmit"] = ("Nộp bổ sung", "Supplement handed in"),
        ["badge-days"] = ("{0} ngày", "{0} d"),
        ["badge-hours"] = ("{0} giờ", "{0} h"),
        ["canvas-fit"] = ("Vừa khung", "Fit to screen"),
        ["canvas-zoom-in"] = ("Phóng to", "Zoom in"),
        ["canvas-zoom-out"] = ("Thu nhỏ", "Zoom out"),
        ["canvas-actual"] = ("Cỡ thật", "Actual size"),
        ["canvas-help"] = (
            "Ctrl + lăn chuột để phóng to, thu nhỏ; kéo nền để di chuyển.",
            "Ctrl + mouse wheel zooms; drag the background to move around."),
        ["canvas-overview"] = ("Toàn cảnh sơ đồ", "Overview of the graph"),
        ["step-problems"] = ("Lỗi của bước", "Problems of this step"),
        ["case-graph"] = ("Đường đi của hồ sơ", "The case's path"),
        ["case-graph-help"] = (
            "Trên sơ đồ phiên bản {0} của thủ tục mà hồ sơ áp dụng: nền xanh là các bước đã qua, kèm thời gian ở mỗi "
            + "bước; viền cam là bước hồ sơ đang ở.",
            "On the graph of version {0} of the procedure the case follows: green steps are those it went through, "
            + "with the time spent at each; the orange outline is where it is now."),
        ["spent-here"] = ("Đang ở đây · {0}", "Here now · {0}"),
        ["spent"] = ("Đã ở {0}", "Spent {0}"),
        ["duration-dh"] = ("{0} ngày {1} giờ", "{0} d {1} h"),
        ["duration-hm"] = ("{0} giờ {1} phút", "{0} h {1} min"),
        ["duration-m"] = ("{0} phút", "{0} min"),
        ["menu"] = ("Danh mục", "Menu"),
        ["now-at"] = ("Đang ở bước", "Now at"),
        ["held-by"] = ("Đơn vị, người xử lý", "Held by"),
        ["step-due"] = ("Hạn của bước", "Step due"),
        ["system"] = ("Hệ thống (tự động)", "System (automatic)"),
        ["import-choose"] = ("Chọn tệp .zip đã xuất từ trình thiết kế.", "Choose a .zip exported from the designer."),
        ["help-lookup"] = (
            "Nhập mã hồ sơ và mã tra cứu in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.",
            "Enter the dossier code and the secret printed on your receipt."),
    };

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>
    /// Working time left in days and hours: "còn 1 ngày 3 giờ", or "quá hạn 2 ngày" once past the appointment.
    /// </summary>
    public static string TimeLeftText(decimal? hours, decimal hoursPerDay)
    {
        if (hours is not { } left || hoursPerDay <= 0)
        {
            return "";
        }

        var total = Math.Abs(left);
        var (days, rest) = ((int)(total / hoursPerDay), Math.Round(total % hoursPerDay, 1));
        var parts = new List<string>();
        if (days > 0)
        {
            parts.Add(IsEnglish ? $"{days} working day{(days == 1 ? "" : "s")}" : $"{days} ngày");
        }

        if (rest > 0 || days == 0)
        {
            var culture = IsEnglish ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo("vi-VN");
            var written = rest.ToString("0.#", culture);
            parts.Add(IsEnglish ? $"{written} h" : $"{written} giờ");
        }

        var amount = string.Join(" ", parts);
        return left < 0
            ? (IsEnglish ? $"{amount} overdue" : $"quá hạn {amount}")
            : (IsEnglish ? $"{amount} left" : $"còn {amount}");
    }

    /// <summary>A title in the UI language.</summary>
    public static string In(LocalizedText? text) => text is null ? "" : IsEnglish ? text.En : text.Vi;

    /// <summary>A case's status and outcome in words: "Đang giải quyết", "Đã kết thúc (đã trả kết quả)".</summary>
    public static string StatusText(string status, string? outcome) =>
        outcome is null ? T("case-" + status) : $"{T("case-" + status)} ({T("outcome-" + outcome)})";

    /// <summary>A refusal's message in the UI language.</summary>
    public static string Of(Rejection rejection)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        return rejection.MessageIn(CultureInfo.CurrentUICulture);
    }

    /// <summary>A word with values put in its places: <c>F("msg-called", "012", 3)</c>.</summary>
    public static string F(string key, params object[] values) =>
        string.Format(CultureInfo.CurrentCulture, T(key), values);

    public static string T(string key) =>
        Words.TryGetValue(key, out var word) || PublicWords.TryGetValue(key, out word)
            ? (IsEnglish ? word.En : word.Vi)
            : key;
}
