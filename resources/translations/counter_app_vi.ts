<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>About</name>
    <message>
        <location filename="../../counter_app/ui/help_window.py" line="45"/>
        <source>One-stop counter</source>
        <translation>Phần mềm Một cửa tại quầy</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/help_window.py" line="47"/>
        <source>Version {version}</source>
        <translation>Phiên bản {version}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/help_window.py" line="50"/>
        <source>Receives citizens&apos; administrative dossiers at the one-stop desk, follows every step to the result, prints the forms and works offline.</source>
        <translation>Tiếp nhận hồ sơ thủ tục hành chính của người dân tại Bộ phận một cửa, theo dõi từng bước đến khi trả kết quả, in các mẫu phiếu và làm việc cả khi mất mạng.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/help_window.py" line="60"/>
        <source>Data folder: {path}</source>
        <translation>Thư mục dữ liệu: {path}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/help_window.py" line="69"/>
        <source>This counter&apos;s identity: {uuid}</source>
        <translation>Mã định danh của quầy: {uuid}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/help_window.py" line="76"/>
        <source>About</source>
        <translation>Giới thiệu</translation>
    </message>
</context>
<context>
    <name>AddOfficialDialog</name>
    <message>
        <location filename="../../counter_app/ui/admin/official_forms.py" line="56"/>
        <source>Add an official</source>
        <translation>Thêm cán bộ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/official_forms.py" line="59"/>
        <source>User name:</source>
        <translation>Tên đăng nhập:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/official_forms.py" line="61"/>
        <source>letters, digits, . and _ — e.g. nguyen.van.a</source>
        <translation>chữ, số, dấu . và _ — ví dụ nguyen.van.a</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/official_forms.py" line="62"/>
        <source>Full name:</source>
        <translation>Họ và tên:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/official_forms.py" line="64"/>
        <source>Title:</source>
        <translation>Chức danh:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/official_forms.py" line="66"/>
        <source>Roles:</source>
        <translation>Vai trò:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/official_forms.py" line="67"/>
        <source>Password:</source>
        <translation>Mật khẩu:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/official_forms.py" line="68"/>
        <source>Password again:</source>
        <translation>Nhập lại mật khẩu:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/official_forms.py" line="69"/>
        <source>Add the official</source>
        <translation>Thêm cán bộ</translation>
    </message>
</context>
<context>
    <name>AdminDialog</name>
    <message>
        <location filename="../../counter_app/ui/admin/desk_common.py" line="61"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>AdminLists</name>
    <message>
        <location filename="../../counter_app/ui/admin/list_parts.py" line="33"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>ApplicantBox</name>
    <message>
        <location filename="../../counter_app/ui/applicant_box.py" line="38"/>
        <source>Applicant</source>
        <translation>Người nộp</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/applicant_box.py" line="50"/>
        <location filename="../../counter_app/ui/applicant_box.py" line="159"/>
        <source>As on the registration certificate</source>
        <translation>Ghi như trên giấy chứng nhận đăng ký</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/applicant_box.py" line="59"/>
        <source>Code on the passport (CHN, KOR, USA…) or name</source>
        <translation>Mã trên hộ chiếu (CHN, KOR, USA…) hoặc tên nước</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/applicant_box.py" line="79"/>
        <source>Birth &amp;year:</source>
        <translation>&amp;Năm sinh:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/applicant_box.py" line="83"/>
        <source>&amp;Document:</source>
        <translation>&amp;Giấy tờ:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/applicant_box.py" line="84"/>
        <source>Or&amp;ganisation:</source>
        <translation>&amp;Tổ chức:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/applicant_box.py" line="85"/>
        <location filename="../../counter_app/ui/applicant_box.py" line="166"/>
        <source>&amp;Full name:</source>
        <translation>&amp;Họ và tên:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/applicant_box.py" line="86"/>
        <location filename="../../counter_app/ui/applicant_box.py" line="150"/>
        <source>&amp;Citizen ID (CCCD):</source>
        <translation>Số &amp;CCCD:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/applicant_box.py" line="87"/>
        <source>&amp;Nationality:</source>
        <translation>&amp;Quốc tịch:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/applicant_box.py" line="88"/>
        <source>&amp;Sex:</source>
        <translation>Giới &amp;tính:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/applicant_box.py" line="89"/>
        <source>P&amp;hone:</source>
        <translation>Điện th&amp;oại:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/applicant_box.py" line="90"/>
        <source>&amp;Email:</source>
        <translation>&amp;Email:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/applicant_box.py" line="91"/>
        <source>&amp;Address:</source>
        <translation>Đị&amp;a chỉ:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/applicant_box.py" line="150"/>
        <source>12 digits</source>
        <translation>12 chữ số</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/applicant_box.py" line="151"/>
        <source>&amp;CMND number:</source>
        <translation>Số &amp;CMND:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/applicant_box.py" line="151"/>
        <source>9 digits</source>
        <translation>9 chữ số</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/applicant_box.py" line="152"/>
        <source>&amp;Passport number:</source>
        <translation>Số hộ &amp;chiếu:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/applicant_box.py" line="152"/>
        <source>6 to 9 letters and digits</source>
        <translation>6 đến 9 chữ cái và chữ số</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/applicant_box.py" line="154"/>
        <source>&amp;Tax code:</source>
        <translation>&amp;Mã số thuế:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/applicant_box.py" line="155"/>
        <source>10 digits; a branch: 10 digits-3 digits</source>
        <translation>10 chữ số; chi nhánh: 10 chữ số-3 chữ số</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/applicant_box.py" line="158"/>
        <source>&amp;Business registration code:</source>
        <translation>&amp;Mã số đăng ký kinh doanh:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/applicant_box.py" line="166"/>
        <source>&amp;Representative:</source>
        <translation>&amp;Người đại diện:</translation>
    </message>
</context>
<context>
    <name>BackupStatus</name>
    <message>
        <location filename="../../counter_app/ui/backup_status.py" line="97"/>
        <source>Check the counter&apos;s data</source>
        <translation>Kiểm tra dữ liệu của quầy</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/backup_status.py" line="106"/>
        <source>Damaged database</source>
        <translation>Cơ sở dữ liệu bị hỏng</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/backup_status.py" line="113"/>
        <source>Restore the latest good backup</source>
        <translation>Khôi phục bản sao lưu tốt gần nhất</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/backup_status.py" line="117"/>
        <source>Open read-only</source>
        <translation>Mở chỉ để xem</translation>
    </message>
</context>
<context>
    <name>BackupStatusLabel</name>
    <message>
        <location filename="../../counter_app/ui/backup_status.py" line="62"/>
        <source>The last backup failed</source>
        <translation>Lần sao lưu gần nhất không thành công</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/backup_status.py" line="64"/>
        <source>No backup yet</source>
        <translation>Chưa có bản sao lưu nào</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/backup_status.py" line="68"/>
        <source>Backup: {when}</source>
        <translation>Sao lưu: {when}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/backup_status.py" line="66"/>
        <source>Last good backup: {when}</source>
        <translation>Bản sao lưu tốt gần nhất: {when}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/backup_status.py" line="95"/>
        <source>Database backed up: {when}; {count} electronic copies still being copied</source>
        <translation>Đã sao lưu cơ sở dữ liệu: {when}; còn {count} bản điện tử đang được chép</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <location filename="../../counter_app/services/backups.py" line="61"/>
        <source>The backup was not made ({reason}); check that the backup folder is plugged in and writable, then try again.</source>
        <translation>Chưa sao lưu được ({reason}); hãy kiểm tra thư mục sao lưu đã được cắm vào và cho phép ghi, rồi thử lại.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/backups.py" line="102"/>
        <source>Keep between 1 and 1000 backups in each place.</source>
        <translation>Số bản sao lưu giữ lại ở mỗi nơi phải từ 1 đến 1000.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/backups.py" line="106"/>
        <source>The folder “{folder}” does not exist; plug the drive in or create the folder first.</source>
        <translation>Thư mục “{folder}” không tồn tại; hãy cắm ổ đĩa vào hoặc tạo thư mục trước.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/backups.py" line="150"/>
        <source>There is no backup file “{file}”.</source>
        <translation>Không có tệp sao lưu “{file}”.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/backups.py" line="155"/>
        <source>“{file}” is not a good backup ({reason}); nothing was restored. Choose another backup.</source>
        <translation>“{file}” không phải là bản sao lưu tốt ({reason}); chưa khôi phục gì. Hãy chọn bản sao lưu khác.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/backups.py" line="206"/>
        <source>A backup was restored; close the application and open it again before working on.</source>
        <translation>Đã khôi phục bản sao lưu; hãy đóng ứng dụng và mở lại trước khi làm việc tiếp.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/backups.py" line="51"/>
        <source>The database was backed up, but {count} electronic copies it names are missing or damaged in the data folder and could not be backed up; run “counter-app check” to see which dossiers they belong to.</source>
        <translation>Đã sao lưu cơ sở dữ liệu, nhưng {count} bản điện tử mà nó ghi nhận bị thiếu hoặc hỏng trong thư mục dữ liệu nên không sao lưu được; hãy chạy “counter-app check” để xem chúng thuộc hồ sơ nào.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/backups.py" line="180"/>
        <source>“{file}” lacks {count} of the electronic copies its dossiers need (missing or damaged; dossiers {dossiers}); nothing was restored. Choose another backup.</source>
        <translation>“{file}” thiếu {count} bản điện tử mà các hồ sơ của nó cần (bị thiếu hoặc hỏng; hồ sơ {dossiers}); chưa khôi phục gì. Hãy chọn bản sao lưu khác.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/backups.py" line="225"/>
        <source>“{file}” was taken while its electronic copies were still being copied, and the copy did not finish: {count} are not in it (dossiers {dossiers}); nothing was restored. Choose an earlier backup, or one from another place.</source>
        <translation>“{file}” được sao lưu khi các bản điện tử còn đang được chép và việc chép chưa xong: còn thiếu {count} bản (hồ sơ {dossiers}); chưa khôi phục gì. Hãy chọn bản sao lưu trước đó, hoặc bản ở nơi sao lưu khác.</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../counter_app/ui/admin/backups_dialog.py" line="46"/>
        <source>Backups</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/backups_dialog.py" line="51"/>
        <source>Backup now</source>
        <translation>Sao lưu ngay</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/backups_dialog.py" line="54"/>
        <source>Back up now</source>
        <translation>Sao lưu ngay</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/backups_dialog.py" line="59"/>
        <location filename="../../counter_app/ui/admin/backups_dialog.py" line="132"/>
        <source>Second backup place</source>
        <translation>Nơi sao lưu thứ hai</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/backups_dialog.py" line="64"/>
        <source>Every backup also goes to this folder: a USB drive or a network share, so that a broken disk does not take the backups with it.</source>
        <translation>Mỗi bản sao lưu cũng được chép vào thư mục này (ổ USB hoặc thư mục dùng chung trên mạng), để khi ổ đĩa máy hỏng vẫn còn bản sao lưu.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/backups_dialog.py" line="72"/>
        <source>No second place yet</source>
        <translation>Chưa có nơi sao lưu thứ hai</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/backups_dialog.py" line="74"/>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/backups_dialog.py" line="78"/>
        <source>Folder:</source>
        <translation>Thư mục:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/backups_dialog.py" line="84"/>
        <source>Backups kept in each place:</source>
        <translation>Số bản sao lưu giữ lại ở mỗi nơi:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/backups_dialog.py" line="86"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/backups_dialog.py" line="91"/>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/backups_dialog.py" line="96"/>
        <source>Restoring puts a backup in place of the counter&apos;s data: what was entered after that backup is no longer in the counter (the replaced data is kept aside). Then the application closes and must be opened again.</source>
        <translation>Khôi phục là thay dữ liệu của quầy bằng một bản sao lưu: những gì nhập sau thời điểm sao lưu đó sẽ không còn trong quầy (dữ liệu bị thay được cất riêng). Sau đó ứng dụng sẽ đóng và phải mở lại.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/backups_dialog.py" line="99"/>
        <source>Restore from a backup file…</source>
        <translation>Khôi phục từ tệp sao lưu…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/backups_dialog.py" line="109"/>
        <source>Backing up…</source>
        <translation>Đang sao lưu…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/backups_dialog.py" line="120"/>
        <source>Backup written and checked: {paths}</source>
        <translation>Đã sao lưu và kiểm tra: {paths}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/backups_dialog.py" line="142"/>
        <source>Saved: the next backups go there too.</source>
        <translation>Đã lưu: các lần sao lưu sau cũng chép vào đó.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/backups_dialog.py" line="149"/>
        <source>Backup to restore</source>
        <translation>Bản sao lưu cần khôi phục</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/backups_dialog.py" line="149"/>
        <source>Counter backups (*.sqlite3)</source>
        <translation>Bản sao lưu của quầy (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/backups_dialog.py" line="157"/>
        <source>Checking the backup…</source>
        <translation>Đang kiểm tra bản sao lưu…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/backups_dialog.py" line="171"/>
        <source>Restore this backup?</source>
        <translation>Khôi phục bản sao lưu này?</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/backups_dialog.py" line="173"/>
        <source>The counter&apos;s data will be replaced by the backup of {when}:
{file}

Everything entered after that time will no longer be in the counter; the data replaced is kept aside in the backups folder. The application then closes: open it again to go on working.</source>
        <translation>Dữ liệu của quầy sẽ được thay bằng bản sao lưu lúc {when}:
{file}

Mọi thứ nhập sau thời điểm đó sẽ không còn trong quầy; dữ liệu bị thay được cất riêng trong thư mục sao lưu. Sau đó ứng dụng sẽ đóng: hãy mở lại để làm việc tiếp.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/backups_dialog.py" line="180"/>
        <source>I understand that what was entered after this backup leaves the counter</source>
        <translation>Tôi hiểu rằng dữ liệu nhập sau bản sao lưu này sẽ không còn trong quầy</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/backups_dialog.py" line="184"/>
        <source>Restore and close the application</source>
        <translation>Khôi phục và đóng ứng dụng</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/backups_dialog.py" line="187"/>
        <source>Do not restore</source>
        <translation>Không khôi phục</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/backups_dialog.py" line="200"/>
        <source>Restoring…</source>
        <translation>Đang khôi phục…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/backups_dialog.py" line="212"/>
        <source>The backup was restored; the data replaced is kept in {kept}. The application closes now: open it again to go on working.</source>
        <translation>Đã khôi phục bản sao lưu; dữ liệu bị thay được cất tại {kept}. Ứng dụng sẽ đóng ngay bây giờ: hãy mở lại để làm việc tiếp.</translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <location filename="../../counter_app/domain/working_hours.py" line="36"/>
        <source>Enter at least one working period.</source>
        <translation>Vui lòng nhập ít nhất một khoảng thời gian làm việc.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/working_hours.py" line="46"/>
        <source>The working period {start}–{end} must end after it starts.</source>
        <translation>Khoảng thời gian làm việc {start}–{end} phải có giờ kết thúc sau giờ bắt đầu.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/working_hours.py" line="58"/>
        <source>Working periods must be in order and must not overlap: {start} is before the end of the previous period ({end}).</source>
        <translation>Các khoảng thời gian làm việc phải theo thứ tự và không được chồng lên nhau: {start} sớm hơn giờ kết thúc của khoảng trước ({end}).</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/working_hours.py" line="104"/>
        <source>“{value}” is not a time of day; write it as HH:MM, e.g. 07:30.</source>
        <translation>“{value}” không phải giờ hợp lệ; hãy viết theo dạng HH:MM, ví dụ 07:30.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/working_hours.py" line="119"/>
        <source>Write each working period as start-end, e.g. 07:30-11:30; separate periods with commas.</source>
        <translation>Hãy ghi mỗi khoảng làm việc theo dạng bắt đầu-kết thúc, ví dụ 07:30-11:30; các khoảng cách nhau bằng dấu phẩy.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/calendar_admin.py" line="62"/>
        <source>Give the day a name, e.g. the decision that set it.</source>
        <translation>Hãy đặt tên cho ngày này, ví dụ số quyết định đã quy định ngày đó.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/calendar_admin.py" line="103"/>
        <source>{day} is not one of the province&apos;s own days; nothing to remove.</source>
        <translation>Ngày {day} không phải ngày riêng của tỉnh; không có gì để xoá.</translation>
    </message>
</context>
<context>
    <name>CalendarDialog</name>
    <message>
        <location filename="../../counter_app/ui/admin/calendar_dialog.py" line="66"/>
        <source>Working calendar</source>
        <translation>Lịch làm việc</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/calendar_dialog.py" line="70"/>
        <source>The province&apos;s days off and make-up working days</source>
        <translation>Ngày nghỉ và ngày làm bù của tỉnh</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/calendar_dialog.py" line="75"/>
        <source>National holidays (Tết, 30/4, 1/5, 2/9…) are counted already; list here only what the province decided on top of them.</source>
        <translation>Các ngày lễ toàn quốc (Tết, 30/4, 1/5, 2/9…) đã được tính sẵn; ở đây chỉ ghi những ngày tỉnh quyết định thêm.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/calendar_dialog.py" line="79"/>
        <source>Year:</source>
        <translation>Năm:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/calendar_dialog.py" line="100"/>
        <source>Day off</source>
        <translation>Ngày nghỉ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/calendar_dialog.py" line="101"/>
        <source>Make-up working day</source>
        <translation>Ngày làm bù</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/calendar_dialog.py" line="105"/>
        <source>Reason, e.g. the decision that set it</source>
        <translation>Lý do, ví dụ quyết định quy định ngày đó</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/calendar_dialog.py" line="106"/>
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/calendar_dialog.py" line="109"/>
        <source>Remove the selected day</source>
        <translation>Xoá ngày đã chọn</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/calendar_dialog.py" line="119"/>
        <source>Working hours</source>
        <translation>Giờ làm việc</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/calendar_dialog.py" line="125"/>
        <source>Periods of the working day, e.g. 07:30-11:30, 13:30-17:00</source>
        <translation>Các buổi làm việc trong ngày, ví dụ 07:30-11:30, 13:30-17:00</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/calendar_dialog.py" line="127"/>
        <source>Working periods:</source>
        <translation>Các buổi làm việc:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/calendar_dialog.py" line="132"/>
        <source>Same-day requests received after:</source>
        <translation>Hồ sơ giải quyết trong ngày nhận sau:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/calendar_dialog.py" line="134"/>
        <source>…count from the next working day.</source>
        <translation>…được tính từ ngày làm việc tiếp theo.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/calendar_dialog.py" line="135"/>
        <source>Save the working hours</source>
        <translation>Lưu giờ làm việc</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/calendar_dialog.py" line="140"/>
        <source>What this does to an appointment</source>
        <translation>Ảnh hưởng đến ngày hẹn trả</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/calendar_dialog.py" line="142"/>
        <source>Working days to process:</source>
        <translation>Số ngày làm việc giải quyết:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/calendar_dialog.py" line="176"/>
        <source>{day} saved.</source>
        <translation>Đã lưu ngày {day}.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/calendar_dialog.py" line="188"/>
        <source>Select the day to remove in the list first.</source>
        <translation>Hãy chọn ngày cần xoá trong danh sách trước.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/calendar_dialog.py" line="193"/>
        <source>{day} follows the national calendar again.</source>
        <translation>Ngày {day} lại theo lịch chung của cả nước.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/calendar_dialog.py" line="202"/>
        <source>Working hours saved; appointments from now on use them.</source>
        <translation>Đã lưu giờ làm việc; các ngày hẹn từ nay tính theo giờ này.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/calendar_dialog.py" line="219"/>
        <source>A dossier received now ({now}) with {count} working days is due {due}; a same-day one is due {same_day}.</source>
        <translation>Hồ sơ tiếp nhận bây giờ ({now}) có thời hạn {count} ngày làm việc sẽ hẹn trả lúc {due}; hồ sơ giải quyết trong ngày hẹn trả lúc {same_day}.</translation>
    </message>
</context>
<context>
    <name>Catalogue</name>
    <message>
        <location filename="../../counter_app/domain/catalogue/messages.py" line="15"/>
        <source>Row {row}, column {column}: a value is required.</source>
        <translation>Dòng {row}, cột {column}: ô này không được để trống.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/catalogue/messages.py" line="16"/>
        <source>Row {row}, column {column}: procedure code “{value}” is not valid; use the national code such as 1.001193 (one digit, a dot, six digits; in Excel format the column as Text).</source>
        <translation>Dòng {row}, cột {column}: mã thủ tục “{value}” không hợp lệ; dùng mã quốc gia dạng 1.001193 (một chữ số, dấu chấm, sáu chữ số; trong Excel hãy định dạng cột là Văn bản).</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/catalogue/messages.py" line="22"/>
        <source>Row {row}, column {column}: “{value}” is a provincial procedure symbol; enter only the national code {code}.</source>
        <translation>Dòng {row}, cột {column}: “{value}” là ký hiệu thủ tục của tỉnh; chỉ nhập mã quốc gia {code}.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/catalogue/messages.py" line="27"/>
        <source>Row {row}, column {column}: procedure code {value} already appears in row {first_row}; each code may appear only once.</source>
        <translation>Dòng {row}, cột {column}: mã thủ tục {value} đã có ở dòng {first_row}; mỗi mã chỉ được xuất hiện một lần.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/catalogue/messages.py" line="32"/>
        <source>Row {row}, column {column}: “{value}” is not an authority identifier; use the national list&apos;s form, such as 000.00.37.H37, or leave it empty when the receiving unit decides.</source>
        <translation>Dòng {row}, cột {column}: “{value}” không phải mã định danh cơ quan; ghi theo danh mục mã định danh quốc gia, ví dụ 000.00.37.H37, hoặc để trống nếu đơn vị tiếp nhận là cơ quan giải quyết.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/catalogue/messages.py" line="38"/>
        <source>Row {row}, column {column}: “{value}” is not valid; use restart or pause (tính lại, tạm dừng).</source>
        <translation>Dòng {row}, cột {column}: “{value}” không hợp lệ; ghi restart hoặc pause (tính lại, tạm dừng).</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/catalogue/messages.py" line="43"/>
        <source>Row {row}, column {column}: name the article of the specialised law that sets {columns}.</source>
        <translation>Dòng {row}, cột {column}: ghi điều, khoản của luật chuyên ngành quy định {columns}.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/catalogue/messages.py" line="47"/>
        <source>Row {row}, column {column}: level “{value}” is not valid; use commune, province or district (xã, tỉnh, huyện).</source>
        <translation>Dòng {row}, cột {column}: cấp thực hiện “{value}” không hợp lệ; dùng commune, province hoặc district (xã, tỉnh, huyện).</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/catalogue/messages.py" line="52"/>
        <source>Row {row}, column {column}: time unit “{value}” is not valid; use working_days, working_hours or same_day.</source>
        <translation>Dòng {row}, cột {column}: đơn vị thời gian “{value}” không hợp lệ; dùng working_days, working_hours hoặc same_day.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/catalogue/messages.py" line="57"/>
        <source>Row {row}, column {column}: “{value}” is not a whole number of zero or more.</source>
        <translation>Dòng {row}, cột {column}: “{value}” không phải số nguyên từ 0 trở lên.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/catalogue/messages.py" line="61"/>
        <source>Row {row}, column {column}: a processing time in working days or hours must be at least 1.</source>
        <translation>Dòng {row}, cột {column}: thời hạn tính theo ngày làm việc hoặc giờ làm việc phải từ 1 trở lên.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/catalogue/messages.py" line="65"/>
        <source>Row {row}, column {column}: fee kind “{value}” is not valid; use free, flat, per_copy or per_page_tiered.</source>
        <translation>Dòng {row}, cột {column}: cách tính phí “{value}” không hợp lệ; dùng free, flat, per_copy hoặc per_page_tiered.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/catalogue/messages.py" line="70"/>
        <source>Row {row}, column {column}: page tiers “{value}” are not valid; write from_page:price pairs separated by semicolons, starting at page 1 with increasing pages, e.g. 1:2000;3:1000.</source>
        <translation>Dòng {row}, cột {column}: bậc phí theo trang “{value}” không hợp lệ; ghi các cặp từ_trang:đơn_giá cách nhau bằng dấu chấm phẩy, bắt đầu từ trang 1 và số trang tăng dần, ví dụ 1:2000;3:1000.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/catalogue/messages.py" line="76"/>
        <source>Row {row}, column {column}: a per-page tiered fee needs page tiers, e.g. 1:2000;3:1000.</source>
        <translation>Dòng {row}, cột {column}: phí tính theo trang cần có bậc phí, ví dụ 1:2000;3:1000.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/catalogue/messages.py" line="80"/>
        <source>Row {row}, column {column}: document “{value}” is not valid; write name|form|quantity|mandatory, e.g. Tờ khai|original|1|1.</source>
        <translation>Dòng {row}, cột {column}: giấy tờ “{value}” không hợp lệ; ghi theo dạng tên|loại|số lượng|bắt buộc, ví dụ Tờ khai|original|1|1.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/catalogue/messages.py" line="85"/>
        <source>Row {row}, column {column}: document form “{value}” is not valid; use original, certified_copy or photocopy.</source>
        <translation>Dòng {row}, cột {column}: loại giấy tờ “{value}” không hợp lệ; dùng original, certified_copy hoặc photocopy.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/catalogue/messages.py" line="90"/>
        <source>Row {row}, column {column}: “{value}” is not a yes/no value; use 1 or 0 (có/không).</source>
        <translation>Dòng {row}, cột {column}: “{value}” không phải giá trị có/không; dùng 1 hoặc 0 (có/không).</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/catalogue/messages.py" line="94"/>
        <source>Row {row}, column {column}: online level “{value}” is not valid; use none, partial or full.</source>
        <translation>Dòng {row}, cột {column}: mức dịch vụ trực tuyến “{value}” không hợp lệ; dùng none, partial hoặc full.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/catalogue/messages.py" line="98"/>
        <source>Row {row}, column {column}: result delivery “{value}” is not valid; use counter, post or online, separated by semicolons.</source>
        <translation>Dòng {row}, cột {column}: hình thức trả kết quả “{value}” không hợp lệ; dùng counter, post hoặc online, cách nhau bằng dấu chấm phẩy.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/catalogue/messages.py" line="103"/>
        <source>Row {row}, column {column}: “{value}” is not valid; write key=value pairs separated by semicolons.</source>
        <translation>Dòng {row}, cột {column}: “{value}” không hợp lệ; ghi các cặp khóa=giá_trị cách nhau bằng dấu chấm phẩy.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/catalogue/messages.py" line="108"/>
        <source>Row {row}, column {column}: expected a JSON object with named fields.</source>
        <translation>Dòng {row}, cột {column}: cần một đối tượng JSON có các trường được đặt tên.</translation>
    </message>
    <message>
        <location filename="../../counter_app/catalogue_files/messages.py" line="11"/>
        <source>Cannot read “{name}”: choose a .json, .csv or .xlsx catalogue file.</source>
        <translation>Không đọc được “{name}”: hãy chọn tệp danh mục .json, .csv hoặc .xlsx.</translation>
    </message>
    <message>
        <location filename="../../counter_app/catalogue_files/messages.py" line="17"/>
        <source>“{name}” is not UTF-8 text; in Excel save it as “CSV UTF-8 (Comma delimited)”.</source>
        <translation>“{name}” không phải văn bản UTF-8; trong Excel hãy lưu dưới dạng “CSV UTF-8 (Comma delimited)”.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/catalogue/messages.py" line="112"/>
        <source>The catalogue is not valid JSON (line {line}, column {col}): {detail}.</source>
        <translation>Danh mục không phải JSON hợp lệ (dòng {line}, cột {col}): {detail}.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/catalogue/messages.py" line="116"/>
        <source>This file is not a counter_app catalogue: its “format” is “{value}”, expected counter_app.catalogue.</source>
        <translation>Tệp này không phải danh mục của counter_app: “format” là “{value}”, cần là counter_app.catalogue.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/catalogue/messages.py" line="121"/>
        <source>Catalogue version “{value}” is not supported; this program reads version 1.</source>
        <translation>Không hỗ trợ danh mục phiên bản “{value}”; chương trình này đọc phiên bản 1.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/catalogue/messages.py" line="125"/>
        <source>Row {row}, column {column}: the cell has a control character at position {position}; delete it.</source>
        <translation>Dòng {row}, cột {column}: ô có ký tự điều khiển ở vị trí {position}; hãy xóa ký tự đó.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/catalogue/messages.py" line="130"/>
        <source>Row {row}, column {column}: the cell has {count} characters; at most {max} are allowed.</source>
        <translation>Dòng {row}, cột {column}: ô có {count} ký tự; chỉ được tối đa {max} ký tự.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/catalogue/messages.py" line="134"/>
        <source>Row {row}, column {column}: {value} is more than {max}, the most this column allows.</source>
        <translation>Dòng {row}, cột {column}: {value} lớn hơn {max}, mức tối đa của cột này.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/catalogue/messages.py" line="138"/>
        <source>The catalogue file has no “procedures” list.</source>
        <translation>Tệp danh mục không có danh sách “procedures”.</translation>
    </message>
    <message>
        <location filename="../../counter_app/catalogue_files/messages.py" line="21"/>
        <source>The file is empty; its first row must be the column header.</source>
        <translation>Tệp trống; dòng đầu tiên phải là dòng tiêu đề cột.</translation>
    </message>
    <message>
        <location filename="../../counter_app/catalogue_files/messages.py" line="24"/>
        <source>The header row lacks the column(s) {columns}; the first row must name the columns as the template saved from the catalogue window does.</source>
        <translation>Dòng tiêu đề thiếu cột {columns}; dòng đầu tiên phải ghi tên các cột như tệp mẫu lưu từ cửa sổ danh mục thủ tục.</translation>
    </message>
    <message>
        <location filename="../../counter_app/catalogue_files/messages.py" line="29"/>
        <source>Cannot open “{name}” as an Excel workbook: {detail}.</source>
        <translation>Không mở được “{name}” dưới dạng sổ tính Excel: {detail}.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/catalogue.py" line="260"/>
        <source>There is no procedure with code “{code}” in the catalogue.</source>
        <translation>Không có thủ tục mã “{code}” trong danh mục; kiểm tra lại mã thủ tục.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/catalogue_model.py" line="20"/>
        <source>Free by law</source>
        <translation>Miễn phí theo quy định</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/catalogue_model.py" line="21"/>
        <source>One amount per dossier</source>
        <translation>Một mức cho mỗi hồ sơ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/catalogue_model.py" line="22"/>
        <source>Per copy</source>
        <translation>Theo bản</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/catalogue_model.py" line="23"/>
        <source>Per document</source>
        <translation>Theo văn bản</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/catalogue_model.py" line="24"/>
        <source>Per signature</source>
        <translation>Theo chữ ký</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/catalogue_model.py" line="25"/>
        <source>Per page, by tiers</source>
        <translation>Theo trang, theo bậc</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/catalogue_model.py" line="26"/>
        <source>Set by the province</source>
        <translation>Do HĐND tỉnh quy định</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/catalogue_model.py" line="37"/>
        <source>Set by the province (typed at reception)</source>
        <translation>Do HĐND tỉnh quy định (nhập khi tiếp nhận)</translation>
    </message>
    <message>
        <location filename="../../counter_app/catalogue_files/messages.py" line="14"/>
        <source>Cannot save “{name}”: name the template file .csv or .xlsx.</source>
        <translation>Không lưu được “{name}”: hãy đặt tên tệp mẫu có đuôi .csv hoặc .xlsx.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/catalogue.py" line="180"/>
        <source>The catalogue already has the procedure “{code}” ({name}); find it in the list and correct it there.</source>
        <translation>Danh mục đã có thủ tục “{code}” ({name}); hãy tìm thủ tục đó trong danh sách và sửa tại đó.</translation>
    </message>
</context>
<context>
    <name>CatalogueDialog</name>
    <message>
        <location filename="../../counter_app/ui/admin/catalogue_dialog.py" line="64"/>
        <source>Import a catalogue file</source>
        <translation>Nhập tệp danh mục</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/catalogue_dialog.py" line="66"/>
        <source>Catalogue (*.csv *.xlsx *.json)</source>
        <translation>Danh mục (*.csv *.xlsx *.json)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/catalogue_dialog.py" line="88"/>
        <location filename="../../counter_app/ui/admin/catalogue_dialog.py" line="157"/>
        <source>Procedure catalogue</source>
        <translation>Danh mục thủ tục</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/catalogue_dialog.py" line="99"/>
        <source>Find: code or part of the name, with or without accents…</source>
        <translation>Tìm: mã hoặc một phần tên, có dấu hay không dấu…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/catalogue_dialog.py" line="123"/>
        <source>Edit the procedure…</source>
        <translation>Sửa thủ tục…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/catalogue_dialog.py" line="124"/>
        <source>Import a file (CSV, Excel)…</source>
        <translation>Nhập từ tệp (CSV, Excel)…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/catalogue_dialog.py" line="162"/>
        <source>{count} procedures</source>
        <translation>{count} thủ tục</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/catalogue_dialog.py" line="164"/>
        <source>{shown} of {count} procedures</source>
        <translation>{shown} trên {count} thủ tục</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/catalogue_dialog.py" line="231"/>
        <source>Importing {name}…</source>
        <translation>Đang nhập {name}…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/catalogue_dialog.py" line="253"/>
        <source>Catalogue import</source>
        <translation>Nhập danh mục</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/catalogue_dialog.py" line="43"/>
        <source>Save a catalogue template</source>
        <translation>Lưu tệp mẫu danh mục thủ tục</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/catalogue_dialog.py" line="47"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Sổ tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/catalogue_dialog.py" line="48"/>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/catalogue_dialog.py" line="122"/>
        <source>New procedure…</source>
        <translation>Thêm thủ tục…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/catalogue_dialog.py" line="125"/>
        <source>Save a template…</source>
        <translation>Lưu tệp mẫu…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/catalogue_dialog.py" line="208"/>
        <location filename="../../counter_app/ui/admin/catalogue_dialog.py" line="213"/>
        <source>Catalogue template</source>
        <translation>Tệp mẫu danh mục</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/catalogue_dialog.py" line="214"/>
        <source>Cannot write “{name}”: {detail}. Choose another folder.</source>
        <translation>Không ghi được “{name}”: {detail}. Hãy chọn thư mục khác.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/catalogue_dialog.py" line="220"/>
        <source>Template saved to {path}: fill one row per procedure, then import it.</source>
        <translation>Đã lưu tệp mẫu vào {path}: điền mỗi thủ tục một dòng rồi nhập tệp đó.</translation>
    </message>
</context>
<context>
    <name>Central</name>
    <message>
        <location filename="../../counter_app/centre/admin.py" line="84"/>
        <source>The user name may contain only letters, digits, . and _.</source>
        <translation>Tên đăng nhập chỉ được gồm chữ cái không dấu, chữ số, dấu chấm và dấu gạch dưới.</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/admin.py" line="149"/>
        <source>No dossier has the code “{code}”.</source>
        <translation>Không có hồ sơ nào mang mã “{code}”.</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/admin.py" line="244"/>
        <source>A dossier can be handed only to a counter of the same agency.</source>
        <translation>Chỉ được chuyển hồ sơ cho quầy thuộc cùng cơ quan.</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/feed.py" line="53"/>
        <source>Changes are kept at least {days} days, so a counter back from a long outage can still catch up.</source>
        <translation>Các thay đổi được lưu ít nhất {days} ngày, để quầy mất kết nối lâu vẫn cập nhật lại được.</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/checks.py" line="45"/>
        <source>This cannot be left empty.</source>
        <translation>Không được để trống.</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/checks.py" line="58"/>
        <source>{field}: the value given is not a counter identity (UUID); copy it as the counter shows it, e.g. 0b6f5f8e-2d1c-4c3a-9a57-1e2f3a4b5c6d.</source>
        <translation>{field}: giá trị đã nhập không phải mã định danh quầy (UUID); hãy chép đúng như quầy hiển thị, ví dụ 0b6f5f8e-2d1c-4c3a-9a57-1e2f3a4b5c6d.</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/portal_file.py" line="103"/>
        <source>the field is missing</source>
        <translation>thiếu trường này</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/portal_file.py" line="105"/>
        <source>the portal&apos;s format has no such field</source>
        <translation>định dạng của Cổng dịch vụ công không có trường này</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/portal_file.py" line="107"/>
        <source>must be text</source>
        <translation>phải là văn bản</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/portal_file.py" line="111"/>
        <source>must be a whole number from {low} to {high}</source>
        <translation>phải là số nguyên từ {low} đến {high}</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/portal_file.py" line="116"/>
        <source>must be one of: counter, post, online</source>
        <translation>phải là một trong: counter, post, online</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/portal_file.py" line="119"/>
        <source>must be an object with the applicant&apos;s fields</source>
        <translation>phải là một đối tượng gồm các trường của người nộp</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/portal_file.py" line="123"/>
        <source>contains a hidden character at position {position}; delete it</source>
        <translation>có ký tự ẩn ở vị trí {position}; hãy xóa ký tự đó</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/portal_file.py" line="130"/>
        <source>must be at most {max} characters; it has {count}</source>
        <translation>chỉ được tối đa {max} ký tự; hiện có {count}</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/portal_file.py" line="134"/>
        <source>has a value the portal&apos;s format does not allow</source>
        <translation>có giá trị mà định dạng của Cổng dịch vụ công không cho phép</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/portal_file.py" line="145"/>
        <source>entry {n}: {problem}</source>
        <translation>mục {n}: {problem}</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/portal_file.py" line="147"/>
        <source>entry {n}, field “{field}”: {problem}</source>
        <translation>mục {n}, trường “{field}”: {problem}</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/portal_file.py" line="157"/>
        <source>and {count} more</source>
        <translation>và {count} lỗi khác</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/portal_file.py" line="162"/>
        <source>Nothing was imported: problems found in the file: {count}; fix them and import it again: {problems}.</source>
        <translation>Chưa nhập hồ sơ nào: số lỗi trong tệp: {count}; hãy sửa rồi nhập lại: {problems}.</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/portal_file.py" line="182"/>
        <source>Cannot read the file “{path}”; check its name and rights.</source>
        <translation>Không đọc được tệp “{path}”; hãy kiểm tra tên tệp và quyền đọc.</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/portal_file.py" line="189"/>
        <source>The file “{path}” is larger than {max} MB; nothing was imported. Export the portal&apos;s dossiers in smaller parts.</source>
        <translation>Tệp “{path}” lớn hơn {max} MB; chưa nhập hồ sơ nào. Hãy xuất hồ sơ từ Cổng dịch vụ công thành nhiều phần nhỏ hơn.</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/portal_file.py" line="201"/>
        <source>The file “{path}” is not UTF-8 text (byte {offset} is not); nothing was imported. Export it again as UTF-8 JSON.</source>
        <translation>Tệp “{path}” không phải văn bản UTF-8 (byte thứ {offset} không hợp lệ); chưa nhập hồ sơ nào. Hãy xuất lại thành tệp JSON UTF-8.</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/portal_file.py" line="211"/>
        <source>The file “{path}” is not valid JSON (line {line}, column {column}); nothing was imported.</source>
        <translation>Tệp “{path}” không phải JSON hợp lệ (dòng {line}, cột {column}); chưa nhập hồ sơ nào.</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/portal_file.py" line="223"/>
        <source>The file “{path}” nests too deeply or holds a number too long to be a portal export; nothing was imported.</source>
        <translation>Tệp “{path}” lồng quá sâu hoặc có số quá dài, không phải tệp xuất từ Cổng dịch vụ công; chưa nhập hồ sơ nào.</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/portal_file.py" line="232"/>
        <source>The file “{path}” must be one JSON object holding only the list “dossiers”, as the portal exports it; nothing was imported.</source>
        <translation>Tệp “{path}” phải là một đối tượng JSON chỉ chứa danh sách “dossiers”, như Cổng dịch vụ công xuất ra; chưa nhập hồ sơ nào.</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/portal_import.py" line="45"/>
        <source>The file lists no dossiers; nothing was imported.</source>
        <translation>Tệp không có hồ sơ nào; chưa nhập gì.</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/portal_import.py" line="49"/>
        <source>The file lists {count} dossiers, more than {max} at once; nothing was imported.</source>
        <translation>Tệp có {count} hồ sơ, nhiều hơn {max} hồ sơ một lần; chưa nhập hồ sơ nào.</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/portal_file.py" line="246"/>
        <source>an entry must be an object</source>
        <translation>mỗi mục phải là một đối tượng</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/portal_checks.py" line="71"/>
        <source>the centre knows no agency {agency} (no counter or official of it is registered)</source>
        <translation>trung tâm không biết cơ quan {agency} (chưa đăng ký quầy hay cán bộ nào của cơ quan này)</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/portal_checks.py" line="85"/>
        <source>the code {code} is also in entry {first}; each dossier once per file</source>
        <translation>mã {code} đã có ở mục {first}; mỗi hồ sơ chỉ được có một lần trong tệp</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/portal_checks.py" line="103"/>
        <source>no procedure of the catalogue has the code {code}</source>
        <translation>không có thủ tục nào trong danh mục mang mã {code}</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/portal_checks.py" line="121"/>
        <source>the province sets this procedure&apos;s fee: give the fee charged</source>
        <translation>phí của thủ tục này do tỉnh quy định: hãy ghi số phí đã thu</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/portal_checks.py" line="145"/>
        <source>the code is not a dossier code of agency {agency}: it must read {agency}-YYMMDD-NNNN</source>
        <translation>mã không phải mã hồ sơ của cơ quan {agency}: phải có dạng {agency}-YYMMDD-NNNN</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/portal_checks.py" line="161"/>
        <source>the number {number} lies in code slot {slot}, which the counter “{counter}” of the agency holds; a code slot belongs to one counter or to the portal, never both: the portal must number in a slot no counter holds</source>
        <translation>số {number} thuộc dải mã {slot} của quầy “{counter}” trong cơ quan; mỗi dải mã chỉ thuộc về một quầy hoặc Cổng dịch vụ công, không bao giờ cả hai: Cổng phải đánh số trong dải mà không quầy nào giữ</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/portal_checks.py" line="183"/>
        <source>the number {number} of that day lies in a block of numbers the centre granted the counter “{counter}” for the authority&apos;s codes; the portal must number outside them</source>
        <translation>số {number} của ngày đó nằm trong khối số Trung tâm đã cấp cho quầy “{counter}” để đánh mã hồ sơ của cơ quan này; Cổng dịch vụ công phải đánh số ngoài các khối đó</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/portal_checks.py" line="204"/>
        <source>the code {code} is a dossier a counter received, not the portal</source>
        <translation>mã {code} là hồ sơ do một quầy tiếp nhận, không phải từ Cổng dịch vụ công</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/portal_checks.py" line="217"/>
        <source>the dossier {code} was imported before with other content; the centre does not change it silently: import the file with --amend to send the amendment</source>
        <translation>hồ sơ {code} đã được nhập trước đó với nội dung khác; trung tâm không tự ý thay đổi: hãy nhập tệp với --amend để gửi nội dung bổ sung, sửa đổi</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/portal_checks.py" line="251"/>
        <source>must be a date and time of {first} to {last}, e.g. 2026-11-26T08:15:00</source>
        <translation>phải là ngày giờ trong các năm {first} đến {last}, ví dụ 2026-11-26T08:15:00</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/registration.py" line="156"/>
        <source>A counter with the identity {uuid} is registered already (“{counter}” of {agency}); nothing was changed. Give its file again, or leave out --counter-uuid to register a new counter.</source>
        <translation>Đã có quầy đăng ký với mã định danh {uuid} (“{counter}” của {agency}); không thay đổi gì. Hãy giao lại tệp kết nối của quầy đó, hoặc bỏ --counter-uuid để đăng ký quầy mới.</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/registration.py" line="168"/>
        <source>The database role {role} for the identity {uuid} exists already; nothing was changed. Leave out --counter-uuid to register the counter under a new identity.</source>
        <translation>Vai trò cơ sở dữ liệu {role} cho mã định danh {uuid} đã tồn tại; không thay đổi gì. Hãy bỏ --counter-uuid để đăng ký quầy với mã định danh mới.</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/registration.py" line="189"/>
        <source>The agency {agency} has no free code slot: its counters, the numbers of its dossiers from the public service portal and the numbers the centre granted other desks for its codes use all ten.</source>
        <translation>Cơ quan {agency} không còn dải mã trống: các quầy của cơ quan, số hồ sơ từ Cổng dịch vụ công và các khối số Trung tâm đã cấp cho quầy khác để đánh mã hồ sơ của cơ quan đã dùng hết cả mười dải.</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/registration.py" line="226"/>
        <source>No counter with the identity {uuid} is registered at the centre; nothing was changed.</source>
        <translation>Trung tâm không có quầy nào mang định danh {uuid}; không có gì thay đổi.</translation>
    </message>
    <message>
        <location filename="../../counter_app/centre/registration.py" line="236"/>
        <source>The counter “{counter}” ({uuid}) has already sent dossiers or records to the centre (or been granted code numbers); it cannot be removed, and nothing was changed.</source>
        <translation>Quầy “{counter}” ({uuid}) đã gửi hồ sơ hoặc dữ liệu lên trung tâm (hoặc đã được cấp dải số mã); không thể xóa quầy này, không có gì thay đổi.</translation>
    </message>
</context>
<context>
    <name>CentralDialog</name>
    <message>
        <location filename="../../counter_app/ui/admin/central_dialog.py" line="56"/>
        <source>Central connection</source>
        <translation>Kết nối trung tâm</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/central_dialog.py" line="61"/>
        <source>Stored connection</source>
        <translation>Kết nối đã lưu</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/central_dialog.py" line="65"/>
        <source>This counter&apos;s identity:</source>
        <translation>Mã định danh của quầy:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/central_dialog.py" line="66"/>
        <source>Counter:</source>
        <translation>Quầy:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/central_dialog.py" line="67"/>
        <source>Agency:</source>
        <translation>Cơ quan:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/central_dialog.py" line="68"/>
        <source>Code slot / ledger book:</source>
        <translation>Số thứ tự quầy / quyển sổ:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/central_dialog.py" line="69"/>
        <source>Central database:</source>
        <translation>Cơ sở dữ liệu trung tâm:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/central_dialog.py" line="79"/>
        <source>Import a connection file…</source>
        <translation>Nhập tệp kết nối…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/central_dialog.py" line="82"/>
        <source>Test the connection</source>
        <translation>Kiểm tra kết nối</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/central_dialog.py" line="85"/>
        <source>Export a registration request…</source>
        <translation>Xuất yêu cầu đăng ký…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/central_dialog.py" line="97"/>
        <source>Give the province&apos;s IT staff this counter&apos;s registration request; they make the connection file from it with “counter-app central register-counter --request”. The file holds the counter&apos;s own password, which is never shown.</source>
        <translation>Gửi yêu cầu đăng ký của quầy cho cán bộ công nghệ thông tin của tỉnh; họ tạo tệp kết nối từ yêu cầu này bằng lệnh “counter-app central register-counter --request”. Tệp kết nối chứa mật khẩu riêng của quầy, mật khẩu không bao giờ được hiển thị.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/central_dialog.py" line="101"/>
        <source>Sync</source>
        <translation>Đồng bộ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/central_dialog.py" line="116"/>
        <source>Not connected to the centre</source>
        <translation>Chưa kết nối với trung tâm</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/central_dialog.py" line="129"/>
        <source>Connection file</source>
        <translation>Tệp kết nối</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/central_dialog.py" line="129"/>
        <source>Connection files (*.json)</source>
        <translation>Tệp kết nối (*.json)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/central_dialog.py" line="139"/>
        <source>Registration request</source>
        <translation>Yêu cầu đăng ký</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/central_dialog.py" line="141"/>
        <source>Registration requests (*.json)</source>
        <translation>Yêu cầu đăng ký (*.json)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/central_dialog.py" line="155"/>
        <source>Cannot write “{path}”; choose a folder that exists and may be written.</source>
        <translation>Không ghi được “{path}”; hãy chọn một thư mục có sẵn và được phép ghi.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/central_dialog.py" line="161"/>
        <source>Registration request written to “{path}”; give it to the province&apos;s IT staff.</source>
        <translation>Đã ghi yêu cầu đăng ký vào “{path}”; hãy gửi tệp này cho cán bộ công nghệ thông tin của tỉnh.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/central_dialog.py" line="169"/>
        <source>Connection imported; test it, then the desk syncs with it.</source>
        <translation>Đã nhập kết nối; hãy kiểm tra kết nối, sau đó quầy sẽ đồng bộ qua kết nối này.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/central_dialog.py" line="180"/>
        <source>Reaching the centre…</source>
        <translation>Đang kết nối tới trung tâm…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/central_dialog.py" line="194"/>
        <source>never</source>
        <translation>chưa bao giờ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/central_dialog.py" line="198"/>
        <source>The centre answered in {ms} ms and knows this counter as “{name}”; its last changes arrived: {last}.</source>
        <translation>Trung tâm trả lời sau {ms} ms và nhận biết quầy này là “{name}”; lần cuối nhận thay đổi từ quầy: {last}.</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <location filename="../../counter_app/ui/signing_dialogs.py" line="46"/>
        <source>Holder</source>
        <translation>Người được cấp</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/signing_dialogs.py" line="47"/>
        <source>CCCD / tax code</source>
        <translation>CCCD / MST</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/signing_dialogs.py" line="48"/>
        <source>Issued by</source>
        <translation>Tổ chức cấp</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/signing_dialogs.py" line="49"/>
        <source>Valid from</source>
        <translation>Hiệu lực từ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/signing_dialogs.py" line="50"/>
        <source>Valid to</source>
        <translation>Hiệu lực đến</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/signing_dialogs.py" line="64"/>
        <source>{day} (not valid now)</source>
        <translation>{day} (không còn hiệu lực)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/signing_dialogs.py" line="168"/>
        <source>Choose the certificate to sign with</source>
        <translation>Chọn chứng thư số để ký</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/signing_dialogs.py" line="174"/>
        <source>Choose your own certificate. The desk remembers the choice for your next sessions; an expired certificate cannot be chosen.</source>
        <translation>Chọn chứng thư số của chính anh/chị. Máy quầy ghi nhớ lựa chọn này cho các phiên làm việc sau; chứng thư đã hết hạn không chọn được.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/signing_dialogs.py" line="198"/>
        <source>Sign with this certificate</source>
        <translation>Ký bằng chứng thư này</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/signing_dialogs.py" line="200"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/signing_dialogs.py" line="238"/>
        <source>This certificate is issued to {holder}, not to {official}: what you sign will carry {holder}&apos;s name. Choose it only if it is the certificate you were given to sign with.</source>
        <translation>Chứng thư này cấp cho {holder}, không phải {official}: văn bản bạn ký sẽ mang tên {holder}. Chỉ chọn nếu đây đúng là chứng thư bạn được giao để ký.</translation>
    </message>
</context>
<context>
    <name>CitizenScreen</name>
    <message>
        <location filename="../../counter_app/ui/return_form.py" line="40"/>
        <source>Your rating</source>
        <translation>Đánh giá của Ông/Bà</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/return_form.py" line="44"/>
        <source>How was dossier {code} handled? Answer what you wish.</source>
        <translation>Hồ sơ {code} được giải quyết thế nào? Ông/bà trả lời câu nào tùy ý.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/return_form.py" line="68"/>
        <source>Send my rating</source>
        <translation>Gửi đánh giá</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <location filename="../../counter_app/cli_notices.py" line="54"/>
        <source>Notices sent: {sent}; waiting for the link: {waiting}; refused: {failed}.</source>
        <translation>Đã gửi {sent} thông báo; chờ đường truyền: {waiting}; bị từ chối: {failed}.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_common.py" line="44"/>
        <source>“{value}” is not a time; write it as YYYY-MM-DD HH:MM.</source>
        <translation>“{value}” không phải thời điểm hợp lệ; hãy viết theo dạng YYYY-MM-DD HH:MM.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_common.py" line="60"/>
        <source>“{value}” is not a date; write it as YYYY-MM-DD.</source>
        <translation>“{value}” không phải ngày hợp lệ; hãy viết theo dạng YYYY-MM-DD.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_common.py" line="86"/>
        <source>Type the password of {username} in a terminal, or give it to a script in the environment variable {variable}.</source>
        <translation>Hãy gõ mật khẩu của {username} trong cửa sổ dòng lệnh, hoặc đưa cho tập lệnh qua biến môi trường {variable}.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_common.py" line="115"/>
        <source>This command reads or changes citizens&apos; data: name the official who runs it with --by USER (the password from the terminal or {variable}).</source>
        <translation>Lệnh này đọc hoặc thay đổi dữ liệu của công dân: hãy ghi tên cán bộ thực hiện bằng --by TÊN_ĐĂNG_NHẬP (mật khẩu gõ trong cửa sổ dòng lệnh hoặc đưa qua biến môi trường {variable}).</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_common.py" line="169"/>
        <source>Name the administrator who makes this change with --by USER.</source>
        <translation>Hãy ghi tên quản trị viên thực hiện thay đổi này bằng --by TÊN_ĐĂNG_NHẬP.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_common.py" line="192"/>
        <source>“{value}” is not a whole number from {low} to {high}</source>
        <translation>“{value}” không phải số nguyên từ {low} đến {high}</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_setup.py" line="46"/>
        <source>Counter set up: {name} ({agency}), code slot {slot}.</source>
        <translation>Đã thiết lập quầy: {name} ({agency}), dải số {slot}.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_central.py" line="163"/>
        <location filename="../../counter_app/cli_setup.py" line="65"/>
        <source>Unknown role in “{value}”; use: {roles}.</source>
        <translation>Vai trò không hợp lệ trong “{value}”; hãy dùng: {roles}.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_setup.py" line="93"/>
        <source>User {username} created.</source>
        <translation>Đã tạo người dùng {username}.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_setup.py" line="116"/>
        <source>The file “{path}” does not exist.</source>
        <translation>Không tìm thấy tệp “{path}”; kiểm tra lại đường dẫn.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_setup.py" line="127"/>
        <source>Imported: {created} new, {updated} updated, {errors} rows with errors.</source>
        <translation>Đã nhập: {created} thủ tục mới, {updated} thủ tục cập nhật, {errors} dòng có lỗi.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_setup.py" line="155"/>
        <source>The window now locks after {minutes} minutes without input.</source>
        <translation>Cửa sổ sẽ tự khóa sau {minutes} phút không thao tác.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_setup.py" line="157"/>
        <source>The window no longer locks by itself.</source>
        <translation>Cửa sổ không còn tự khóa.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_setup.py" line="170"/>
        <source>The forms now name the unit “{name}”; dossiers already received keep the name they were received under.</source>
        <translation>Biểu mẫu từ nay ghi tên bộ phận “{name}”; hồ sơ đã tiếp nhận giữ tên bộ phận lúc tiếp nhận.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_calendar.py" line="43"/>
        <source>Days off on weekdays in {year}:</source>
        <translation>Ngày nghỉ rơi vào ngày thường trong năm {year}:</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_calendar.py" line="46"/>
        <source>Make-up working days in {year}:</source>
        <translation>Ngày làm việc bù trong năm {year}:</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_calendar.py" line="62"/>
        <source>Working hours: {periods}; requests after {cutoff} count from the next working day.</source>
        <translation>Giờ làm việc: {periods}; hồ sơ tiếp nhận sau {cutoff} được tính từ ngày làm việc tiếp theo.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_dossier.py" line="72"/>
        <source>Printer: {printer}; receipts on {paper}.</source>
        <translation>Máy in: {printer}; in phiếu hẹn trên khổ {paper}.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_audit.py" line="25"/>
        <source>Audit log intact: {count} entries checked.</source>
        <translation>Nhật ký kiểm tra toàn vẹn: đã kiểm tra {count} bản ghi.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_audit.py" line="34"/>
        <source>Not compared with the centre (not connected or out of reach).</source>
        <translation>Chưa đối chiếu với trung tâm (chưa kết nối hoặc không liên lạc được).</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_audit.py" line="43"/>
        <source>Matches the centre: its {count} entries end where it recorded.</source>
        <translation>Khớp với trung tâm: {count} mục nhật ký kết thúc đúng tại vị trí trung tâm đã ghi nhận.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_audit.py" line="52"/>
        <source>Audit log DOES NOT MATCH the centre: the centre holds {count} entries of this counter, and the local log has another entry, or none, at that place (entries were deleted or the log was rewritten).</source>
        <translation>Nhật ký kiểm tra KHÔNG KHỚP với trung tâm: trung tâm lưu {count} mục của quầy này, nhưng nhật ký trên máy có một mục khác, hoặc không có mục nào, tại vị trí đó (có mục đã bị xóa hoặc nhật ký đã bị ghi lại).</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_audit.py" line="64"/>
        <source>Audit log BROKEN at entry {id} ({count} entries before it are intact).</source>
        <translation>Nhật ký kiểm tra BỊ SỬA ĐỔI tại bản ghi {id} ({count} bản ghi trước đó còn nguyên vẹn).</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_audit.py" line="83"/>
        <source>Audit log CUT: at the start of {when} it no longer held entry {mark} as the high-water mark outside the database had seen it (it ended at entry {found}; entries were deleted or rewritten).</source>
        <translation>Nhật ký kiểm tra BỊ CẮT: khi khởi động lúc {when}, nhật ký không còn mục {mark} như mốc cao nhất lưu ngoài cơ sở dữ liệu đã ghi nhận (nhật ký kết thúc ở mục {found}; có mục đã bị xóa hoặc bị viết lại).</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli.py" line="78"/>
        <source>The command is not complete or not right ({detail}); see: {prog} --help</source>
        <translation>Lệnh chưa đủ hoặc chưa đúng ({detail}); xem hướng dẫn: {prog} --help</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli.py" line="139"/>
        <source>Unexpected error; details are in the log file in the data folder.</source>
        <translation>Đã xảy ra lỗi ngoài dự kiến; chi tiết được ghi trong tệp nhật ký ở thư mục dữ liệu. Hãy báo cho cán bộ kỹ thuật.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_sync.py" line="33"/>
        <source>Sync done: {sent} changes sent ({refused} refused), {received} received, {conflicts} conflicts.</source>
        <translation>Đồng bộ xong: đã gửi {sent} thay đổi ({refused} bị từ chối), đã nhận {received}, {conflicts} xung đột.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_sync.py" line="54"/>
        <source>Connected: {counter} of {agency}, code slot {slot}, ledger book {book}.</source>
        <translation>Đã kết nối: {counter} thuộc {agency}, vị trí mã {slot}, quyển sổ {book}.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_sync.py" line="77"/>
        <source>This counter is not set up yet: run “counter-app setup” first, or import the connection file the IT staff made with “sync connect”.</source>
        <translation>Quầy chưa được thiết lập: hãy chạy “counter-app setup” trước, hoặc nhập tệp kết nối do cán bộ công nghệ thông tin tạo bằng “sync connect”.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_sync.py" line="90"/>
        <source>Cannot write “{path}”; check that its folder exists and may be written.</source>
        <translation>Không ghi được “{path}”; hãy kiểm tra thư mục có tồn tại và được phép ghi.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_sync.py" line="100"/>
        <source>Registration request of {counter} (identity {uuid}) written to {path}; the province&apos;s IT staff register it with “counter-app central register-counter --request”.</source>
        <translation>Đã ghi yêu cầu đăng ký của {counter} (mã định danh {uuid}) vào {path}; cán bộ công nghệ thông tin của tỉnh đăng ký quầy bằng lệnh “counter-app central register-counter --request”.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_sync.py" line="129"/>
        <source>Counter: {counter} of {agency}, identity {uuid}.</source>
        <translation>Quầy: {counter} của {agency}, mã định danh {uuid}.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_sync.py" line="137"/>
        <source>Central database: {state}. Changes waiting to be sent: {waiting}. Last successful sync: {last}. Records needing attention: {issues}.</source>
        <translation>Cơ sở dữ liệu trung tâm: {state}. Thay đổi chờ gửi: {waiting}. Lần đồng bộ thành công gần nhất: {last}. Bản ghi cần xử lý: {issues}.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_sync.py" line="142"/>
        <source>online</source>
        <translation>đã kết nối</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_sync.py" line="144"/>
        <source>offline</source>
        <translation>mất kết nối</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_sync.py" line="153"/>
        <source>Electronic copies not yet held whole at the centre: {files}. Signatures made offline waiting for a timestamp (B-LT): {signatures}.</source>
        <translation>Bản điện tử Trung tâm chưa nhận đủ: {files}. Chữ ký số tạo khi mất mạng đang chờ dấu thời gian (B-LT): {signatures}.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_sync.py" line="181"/>
        <source>Downloaded again from the centre: {count} records.</source>
        <translation>Đã tải lại từ trung tâm: {count} bản ghi.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_central_db.py" line="27"/>
        <source>Give the central database&apos;s address with --url or ${env}.</source>
        <translation>Hãy cho biết địa chỉ cơ sở dữ liệu trung tâm bằng --url hoặc ${env}.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_central.py" line="29"/>
        <source>Central database is ready.</source>
        <translation>Cơ sở dữ liệu trung tâm đã sẵn sàng.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_central.py" line="63"/>
        <source>Give --{option}, or the counter&apos;s registration request with --request FILE.</source>
        <translation>Hãy nhập --{option}, hoặc yêu cầu đăng ký của quầy bằng --request TỆP.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_central.py" line="90"/>
        <source>Cannot write the connection file “{path}”; check that its folder exists and may be written. Nothing was registered.</source>
        <translation>Không ghi được tệp kết nối “{path}”; hãy kiểm tra thư mục có tồn tại và được phép ghi. Chưa đăng ký gì.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_central.py" line="104"/>
        <source>Counter registered: code slot {slot}, ledger book {book}. Connection file (keep it private): {path}</source>
        <translation>Đã đăng ký quầy: vị trí mã {slot}, quyển sổ {book}. Tệp kết nối (giữ kín, không chia sẻ): {path}</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_central.py" line="143"/>
        <source>Catalogue sent to every counter: {count} procedures.</source>
        <translation>Đã gửi danh mục tới mọi quầy: {count} thủ tục.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_central.py" line="187"/>
        <source>Official saved; counters receive it at their next sync.</source>
        <translation>Đã lưu cán bộ; các quầy sẽ nhận ở lần đồng bộ tiếp theo.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_central.py" line="198"/>
        <location filename="../../counter_app/cli_central_dossiers.py" line="42"/>
        <location filename="../../counter_app/cli_central_dossiers.py" line="50"/>
        <source>Saved; counters receive it at their next sync.</source>
        <translation>Đã lưu; các quầy sẽ nhận ở lần đồng bộ tiếp theo.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_central_dossiers.py" line="23"/>
        <source>Online dossiers imported: {count}.</source>
        <translation>Đã nhập hồ sơ trực tuyến: {count}.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_central_dossiers.py" line="59"/>
        <source>Feed pruned: {count} changes removed.</source>
        <translation>Đã dọn luồng thay đổi: xóa {count} thay đổi.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_backup.py" line="44"/>
        <source>Backup written and checked: {path}</source>
        <translation>Đã sao lưu và kiểm tra: {path}</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_backup.py" line="58"/>
        <source>Database restored from {file}; the replaced one is kept in {kept}.</source>
        <translation>Đã khôi phục cơ sở dữ liệu từ {file}; bản bị thay thế được giữ lại trong {kept}.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_report.py" line="29"/>
        <source>The period ends before it starts.</source>
        <translation>Kỳ báo cáo kết thúc trước ngày bắt đầu.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_report.py" line="55"/>
        <source>Report written: {path}</source>
        <translation>Đã ghi báo cáo: {path}</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_central.py" line="123"/>
        <source>Counter “{counter}” removed from the centre with its database role; code slot {slot} is free again.</source>
        <translation>Đã xóa quầy “{counter}” khỏi trung tâm cùng tài khoản cơ sở dữ liệu của quầy; vị trí mã {slot} đã trống trở lại.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_files.py" line="25"/>
        <source>DAMAGED: file {file} of dossiers {dossiers}</source>
        <translation>HỎNG: tệp {file} của hồ sơ {dossiers}</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_files.py" line="27"/>
        <source>MISSING: file {file} of dossiers {dossiers}</source>
        <translation>THIẾU: tệp {file} của hồ sơ {dossiers}</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_files.py" line="35"/>
        <source>Electronic copies intact: {count} files read and checked.</source>
        <translation>Bản điện tử nguyên vẹn: đã đọc và kiểm tra {count} tệp.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_files.py" line="44"/>
        <source>{bad} of {count} files are missing or damaged; restore them from a backup (counter-app restore) or digitise the papers again.</source>
        <translation>{bad} trên {count} tệp bị thiếu hoặc hỏng; hãy khôi phục từ bản sao lưu (counter-app restore) hoặc số hóa lại giấy tờ.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_files.py" line="65"/>
        <source>{count} files that no paper names were deleted ({size} bytes); the audit log lists them.</source>
        <translation>Đã xóa {count} tệp không thuộc giấy tờ nào ({size} byte); nhật ký kiểm tra ghi danh sách các tệp này.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_verify.py" line="21"/>
        <source>intact, trusted</source>
        <translation>nguyên vẹn, tin cậy</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_verify.py" line="22"/>
        <source>intact, but its chain reaches no installed root</source>
        <translation>nguyên vẹn, nhưng chuỗi chứng thư không dẫn tới chứng thư gốc nào đã cài</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_verify.py" line="23"/>
        <source>CHANGED after signing</source>
        <translation>ĐÃ BỊ SỬA sau khi ký</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_verify.py" line="24"/>
        <source>BROKEN: the file is not what was signed</source>
        <translation>HỎNG: tệp không còn là tệp đã được ký</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_verify.py" line="40"/>
        <source>Cannot read the file {path}.</source>
        <translation>Không đọc được tệp {path}.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_verify.py" line="47"/>
        <source>{path}: no digital signature.</source>
        <translation>{path}: không có chữ ký số.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_verify.py" line="55"/>
        <source>Signature {n}: {signer}, signed {when}: {verdict}</source>
        <translation>Chữ ký {n}: {signer}, ký lúc {when}: {verdict}</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_verify.py" line="64"/>
        <source>  Certificate chain: {chain}</source>
        <translation>  Chuỗi chứng thư: {chain}</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_verify.py" line="74"/>
        <source>Install the CA&apos;s root certificate in {folder} to trust these signatures.</source>
        <translation>Hãy cài chứng thư gốc của tổ chức chứng thực vào thư mục {folder} để tin cậy các chữ ký này.</translation>
    </message>
</context>
<context>
    <name>Codes</name>
    <message>
        <location filename="../../counter_app/domain/codes.py" line="44"/>
        <source>The agency identifier “{value}” is not valid; type it as in the national catalogue, e.g. 000.00.37.H37.</source>
        <translation>Mã định danh cơ quan “{value}” không hợp lệ; hãy nhập đúng như trong danh mục quốc gia, ví dụ 000.00.37.H37.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/codes.py" line="62"/>
        <source>The counter&apos;s code slot must be between 0 and 9.</source>
        <translation>Dải số của quầy phải từ 0 đến 9.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/codes.py" line="84"/>
        <source>This counter has used all {count} dossier numbers for today; ask the administrator to give it another code slot.</source>
        <translation>Quầy đã dùng hết {count} số hồ sơ của hôm nay; đề nghị quản trị viên cấp cho quầy một dải số khác.</translation>
    </message>
</context>
<context>
    <name>Continuity</name>
    <message>
        <location filename="../../counter_app/services/continuity.py" line="56"/>
        <source>This counter&apos;s database is behind what the counter has already handed out: an older copy was restored, or its latest part was lost. Dossiers received after {since} may be missing; check the paper receipts and the ledger. New dossier codes continue after {code}.</source>
        <translation>Cơ sở dữ liệu của quầy đang thiếu so với những gì quầy đã cấp: một bản sao cũ đã được khôi phục, hoặc phần mới nhất đã bị mất. Các hồ sơ tiếp nhận sau {since} có thể bị thiếu; hãy đối chiếu phiếu hẹn giấy và sổ theo dõi. Mã hồ sơ mới sẽ tiếp tục sau {code}.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/continuity.py" line="69"/>
        <source>The restore is not complete: the dossiers this counter sent to the centre after the backup was taken are not back yet. They are taken back at the next sync with the centre; look them up again after it.</source>
        <translation>Việc khôi phục chưa hoàn tất: các hồ sơ quầy đã gửi lên trung tâm sau thời điểm sao lưu chưa được lấy về. Các hồ sơ này sẽ được lấy về ở lần đồng bộ tiếp theo với trung tâm; hãy tra cứu lại sau khi đồng bộ.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/continuity.py" line="76"/>
        <source>{behind} {pending}</source>
        <translation>{behind} {pending}</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/continuity.py" line="63"/>
        <source>The audit log of this counter ends at entry {db}, but it had reached entry {mark}: its latest entries were deleted outside the application. No dossier code or ledger number was lost; tell the administrator, who sees the cut in the audit check.</source>
        <translation>Nhật ký thao tác của quầy chỉ còn đến mục {db}, trong khi đã có đến mục {mark}: các mục mới nhất đã bị xóa bên ngoài ứng dụng. Không mất mã hồ sơ hay số thứ tự sổ theo dõi nào; hãy báo quản trị viên, người sẽ thấy chỗ bị cắt khi kiểm tra nhật ký.</translation>
    </message>
</context>
<context>
    <name>DigitiseDialog</name>
    <message>
        <location filename="../../counter_app/ui/digitise_dialog.py" line="92"/>
        <source>Digitise: {paper} ({code})</source>
        <translation>Số hóa: {paper} ({code})</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/digitise_dialog.py" line="116"/>
        <source>Paper {n} of the checklist: {paper}</source>
        <translation>Giấy tờ số {n} trong danh mục: {paper}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/digitise_dialog.py" line="126"/>
        <source>Pages</source>
        <translation>Các trang</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/digitise_dialog.py" line="148"/>
        <source>%v pages read</source>
        <translation>Đã đọc %v trang</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/digitise_dialog.py" line="150"/>
        <source>&amp;Stop scanning</source>
        <translation>&amp;Dừng quét</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/digitise_dialog.py" line="164"/>
        <source>&amp;Save the copy</source>
        <translation>&amp;Lưu bản điện tử</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/digitise_dialog.py" line="168"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/digitise_dialog.py" line="185"/>
        <source>Scanner</source>
        <translation>Máy quét</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/digitise_dialog.py" line="190"/>
        <source>Scan folder</source>
        <translation>Thư mục quét</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/digitise_dialog.py" line="194"/>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/digitise_dialog.py" line="236"/>
        <source>Turn the stack over</source>
        <translation>Lật tập giấy</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/digitise_dialog.py" line="238"/>
        <source>{sheets} fronts are read. Put the stack back in the feeder turned over, then press OK to read the backs.</source>
        <translation>Đã đọc {sheets} mặt trước. Lật tập giấy, đặt lại vào khay nạp giấy rồi bấm OK để quét mặt sau.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/digitise_dialog.py" line="261"/>
        <source>The folder the printer scans into</source>
        <translation>Thư mục mà máy in quét vào</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/digitise_dialog.py" line="278"/>
        <source>Add files</source>
        <translation>Thêm tệp</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/digitise_dialog.py" line="306"/>
        <source>{n} pages in this copy</source>
        <translation>Bản điện tử có {n} trang</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/digitise_dialog.py" line="330"/>
        <source>The pages could not be put together; add them again.</source>
        <translation>Không ghép được các trang; hãy thêm lại.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/digitise_dialog.py" line="370"/>
        <source>That did not work. Try again; if it keeps failing, call the IT staff (details are in the log file).</source>
        <translation>Thao tác không thành công. Hãy thử lại; nếu vẫn lỗi, gọi cán bộ CNTT (chi tiết trong tệp nhật ký).</translation>
    </message>
</context>
<context>
    <name>DocumentsEditor</name>
    <message>
        <location filename="../../counter_app/ui/admin/documents_editor.py" line="37"/>
        <source>Document</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/documents_editor.py" line="37"/>
        <source>Form</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/documents_editor.py" line="37"/>
        <source>Copies</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/documents_editor.py" line="37"/>
        <source>Required</source>
        <translation>Bắt buộc</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/documents_editor.py" line="49"/>
        <source>Add a document</source>
        <translation>Thêm giấy tờ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/documents_editor.py" line="51"/>
        <source>Remove the document</source>
        <translation>Bỏ giấy tờ</translation>
    </message>
</context>
<context>
    <name>DossierDialog</name>
    <message>
        <location filename="../../counter_app/ui/dossier_dialog.py" line="101"/>
        <location filename="../../counter_app/ui/dossier_view.py" line="66"/>
        <source>Dossier</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_view.py" line="73"/>
        <source>Procedure:</source>
        <translation>Thủ tục:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_view.py" line="74"/>
        <source>Applicant:</source>
        <translation>Người nộp:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_view.py" line="76"/>
        <source>Identity number:</source>
        <translation>Số giấy tờ:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_view.py" line="77"/>
        <source>Phone:</source>
        <translation>Điện thoại:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_view.py" line="78"/>
        <source>Address:</source>
        <translation>Địa chỉ:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_view.py" line="79"/>
        <source>Email:</source>
        <translation>Email:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_view.py" line="80"/>
        <source>Received:</source>
        <translation>Tiếp nhận:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_view.py" line="81"/>
        <source>Appointment:</source>
        <translation>Hẹn trả:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_view.py" line="82"/>
        <source>Fee:</source>
        <translation>Phí, lệ phí:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_view.py" line="83"/>
        <source>Sets / pages / copies:</source>
        <translation>Số bộ / số trang / số bản:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_view.py" line="84"/>
        <source>Result delivered:</source>
        <translation>Nhận kết quả:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_view.py" line="85"/>
        <source>Ledger entry:</source>
        <translation>Sổ theo dõi:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_view.py" line="113"/>
        <source>Supplement requested</source>
        <translation>Đã yêu cầu bổ sung</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_view.py" line="122"/>
        <source>Notes from departments</source>
        <translation>Ý kiến của cơ quan chuyên môn</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_view.py" line="136"/>
        <source>Documents handed in</source>
        <translation>Thành phần hồ sơ đã nộp</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_view.py" line="142"/>
        <source>Document</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_view.py" line="143"/>
        <source>Form</source>
        <translation>Loại bản</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_view.py" line="144"/>
        <source>Qty</source>
        <translation>SL</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_view.py" line="149"/>
        <source>History</source>
        <translation>Quá trình xử lý</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_view.py" line="154"/>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_view.py" line="155"/>
        <source>Step</source>
        <translation>Bước</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_view.py" line="156"/>
        <source>Official</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_view.py" line="157"/>
        <source>Counter</source>
        <translation>Quầy</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_view.py" line="158"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_view.py" line="300"/>
        <source>Online dossier answered later than the law allows ({basis})</source>
        <translation>Trả lời hồ sơ trực tuyến muộn hơn thời hạn luật định ({basis})</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_view.py" line="309"/>
        <source>Collected by {name} ({id_number})</source>
        <translation>Người nhận: {name} ({id_number})</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_view.py" line="315"/>
        <source>Sent by post, tracking number {number}</source>
        <translation>Gửi qua bưu chính, mã bưu gửi {number}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_view.py" line="321"/>
        <source>Rating: {level}</source>
        <translation>Đánh giá: {level}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_dialog.py" line="115"/>
        <source>Next step</source>
        <translation>Bước tiếp theo</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_dialog.py" line="126"/>
        <source>Steps another official confirms with their login</source>
        <translation>Bước do cán bộ khác đăng nhập xác nhận</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_dialog.py" line="140"/>
        <source>&amp;Print receipt</source>
        <translation>&amp;In phiếu hẹn</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_dialog.py" line="148"/>
        <source>Print &amp;control slip</source>
        <translation>In phiếu &amp;kiểm soát</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_dialog.py" line="155"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_dialog.py" line="167"/>
        <source>Dossier {code}</source>
        <translation>Hồ sơ {code}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_view.py" line="174"/>
        <source>{state} — overdue</source>
        <translation>{state} — quá hạn</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_view.py" line="184"/>
        <source>4 on the spot</source>
        <translation>4 tại chỗ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_view.py" line="190"/>
        <source>(first given: {date})</source>
        <translation>(hẹn lần đầu: {date})</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_view.py" line="194"/>
        <source>(clock paused)</source>
        <translation>(tạm dừng tính thời hạn)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_view.py" line="196"/>
        <source>(closed from {date} if not supplemented)</source>
        <translation>(đóng hồ sơ từ ngày {date} nếu không bổ sung)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_view.py" line="209"/>
        <source>{time} by {user}</source>
        <translation>{time}, người nhận: {user}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_view.py" line="216"/>
        <source>book {book}/{year}, no. {entry}</source>
        <translation>quyển {book}/{year}, số {entry}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_view.py" line="263"/>
        <source>Department: {name}</source>
        <translation>Cơ quan chuyên môn: {name}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_view.py" line="271"/>
        <source>New appointment: {date}</source>
        <translation>Hẹn trả mới: {date}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_view.py" line="288"/>
        <source>Asked later than the law allows ({basis})</source>
        <translation>Đề nghị muộn hơn thời hạn quy định ({basis})</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_view.py" line="294"/>
        <source>Handed over later than the law allows ({basis})</source>
        <translation>Chuyển xử lý muộn hơn thời hạn quy định ({basis})</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_view.py" line="277"/>
        <source>Time limit counted again: appointment {date} ({basis})</source>
        <translation>Thời hạn tính lại từ đầu: hẹn trả {date} ({basis})</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_dialog.py" line="219"/>
        <source>No step is open to you for this dossier now.</source>
        <translation>Hiện bạn không có bước nào cần thực hiện với hồ sơ này.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_dialog.py" line="106"/>
        <location filename="../../counter_app/ui/dossier_dialog.py" line="174"/>
        <source>Electronic papers</source>
        <translation>Giấy tờ điện tử</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_dialog.py" line="176"/>
        <source>Electronic papers ({n} not yet digitised)</source>
        <translation>Giấy tờ điện tử ({n} chưa số hóa)</translation>
    </message>
</context>
<context>
    <name>DossierPapers</name>
    <message>
        <location filename="../../counter_app/ui/paper_tables.py" line="77"/>
        <source>Signed form</source>
        <translation>Biểu mẫu đã ký</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_tables.py" line="40"/>
        <source>issued by the desk</source>
        <translation>do bộ phận một cửa cấp</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_tables.py" line="35"/>
        <source>scanned at the desk</source>
        <translation>quét tại quầy</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_tables.py" line="36"/>
        <source>scan folder</source>
        <translation>thư mục quét</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_tables.py" line="37"/>
        <source>file</source>
        <translation>tệp</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_tables.py" line="38"/>
        <source>reused</source>
        <translation>tái sử dụng</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_tables.py" line="39"/>
        <source>from the authority</source>
        <translation>do cơ quan giải quyết cấp</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_papers.py" line="89"/>
        <source>Papers of the checklist</source>
        <translation>Thành phần hồ sơ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_papers.py" line="93"/>
        <location filename="../../counter_app/ui/dossier_papers.py" line="104"/>
        <source>Paper</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_papers.py" line="93"/>
        <source>Electronic copy</source>
        <translation>Bản điện tử</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_papers.py" line="98"/>
        <source>Electronic copies of this dossier</source>
        <translation>Các bản điện tử của hồ sơ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_papers.py" line="105"/>
        <source>Document</source>
        <translation>Tên giấy tờ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_papers.py" line="106"/>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_papers.py" line="107"/>
        <source>Pages</source>
        <translation>Số trang</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_papers.py" line="108"/>
        <source>Origin</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_papers.py" line="109"/>
        <source>Digitised by</source>
        <translation>Người số hóa</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_papers.py" line="110"/>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_papers.py" line="111"/>
        <source>Signature</source>
        <translation>Chữ ký</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_papers.py" line="120"/>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_papers.py" line="123"/>
        <source>Re&amp;move…</source>
        <translation>&amp;Gỡ bỏ…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_papers.py" line="126"/>
        <source>&amp;Check signatures</source>
        <translation>&amp;Kiểm tra chữ ký</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_papers.py" line="157"/>
        <source>{count} copies&apos; files not yet at the centre (sent at the next sync)</source>
        <translation>{count} bản điện tử chưa gửi tệp lên Trung tâm (sẽ gửi ở lần đồng bộ tới)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_tables.py" line="64"/>
        <source>in the dossier</source>
        <translation>trong hồ sơ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_tables.py" line="68"/>
        <source>removed: {reason}</source>
        <translation>đã gỡ bỏ: {reason}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_tables.py" line="72"/>
        <source>removed</source>
        <translation>đã gỡ bỏ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_tables.py" line="86"/>
        <source>{name}, {when}</source>
        <translation>{name}, {when}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_tables.py" line="90"/>
        <source>not signed</source>
        <translation>chưa ký</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_tables.py" line="118"/>
        <source>digitised: {copies} copies, {pages} pages</source>
        <translation>đã số hóa: {copies} bản, {pages} trang</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_tables.py" line="124"/>
        <source>not yet digitised</source>
        <translation>chưa số hóa</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_tables.py" line="128"/>
        <source>Digitise…</source>
        <translation>Số hóa…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_papers.py" line="233"/>
        <source>Fetching the copy from the centre…</source>
        <translation>Đang tải bản điện tử từ Trung tâm…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_papers.py" line="251"/>
        <source>The copy could not be fetched from the centre: {detail}</source>
        <translation>Không tải được bản điện tử từ Trung tâm: {detail}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_papers.py" line="259"/>
        <source>The copy&apos;s file is not on this computer; check the desk.</source>
        <translation>Tệp của bản điện tử không có trên máy này; hãy kiểm tra máy của quầy.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_papers.py" line="262"/>
        <source>No program opens PDF files on this computer; ask IT to add one.</source>
        <translation>Máy này chưa có chương trình mở tệp PDF; đề nghị bộ phận CNTT cài đặt.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_papers.py" line="281"/>
        <source>Remove the copy</source>
        <translation>Gỡ bỏ bản điện tử</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_papers.py" line="283"/>
        <source>Why is “{name}” removed from the dossier? (kept on record)</source>
        <translation>Lý do gỡ bỏ “{name}” khỏi hồ sơ? (vẫn được lưu vết)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_papers.py" line="312"/>
        <source>The electronic copies could not be read; close and open again.</source>
        <translation>Không đọc được các bản điện tử; hãy đóng và mở lại hồ sơ.</translation>
    </message>
</context>
<context>
    <name>DossierSteps</name>
    <message>
        <location filename="../../counter_app/ui/dossier_steps.py" line="65"/>
        <source>Confirmation by another official</source>
        <translation>Cán bộ khác xác nhận</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_steps.py" line="67"/>
        <source>“{step}” is taken by an official who holds the role “{role}”. That official logs in here; the step is recorded in their name.</source>
        <translation>Bước “{step}” do cán bộ có vai trò “{role}” thực hiện. Cán bộ đó đăng nhập tại đây; bước được ghi nhận dưới tên của họ.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_steps.py" line="141"/>
        <source>The appointment is now {new} (it was {old}): the complete dossier sets the time limit again ({basis}). Print the new receipt for the citizen?</source>
        <translation>Ngày hẹn trả kết quả nay là {new} (trước đây là {old}): thời hạn giải quyết được tính lại khi nhận đủ hồ sơ ({basis}). In giấy tiếp nhận và hẹn trả kết quả mới cho công dân?</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_steps.py" line="147"/>
        <source>The dossier is complete: its time limit runs from now ({basis}) and the appointment is {new}. Print the receipt for the citizen?</source>
        <translation>Hồ sơ đã đủ: thời hạn giải quyết tính từ bây giờ ({basis}), hẹn trả kết quả {new}. In giấy tiếp nhận cho công dân?</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_steps.py" line="150"/>
        <source>New appointment</source>
        <translation>Ngày hẹn mới</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_steps.py" line="174"/>
        <source>Preparing the form…</source>
        <translation>Đang lập phiếu…</translation>
    </message>
</context>
<context>
    <name>DossierTableModel</name>
    <message>
        <location filename="../../counter_app/ui/dossier_table_model.py" line="39"/>
        <source>Dossier code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_table_model.py" line="40"/>
        <source>Applicant</source>
        <translation>Người nộp</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_table_model.py" line="41"/>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_table_model.py" line="42"/>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_table_model.py" line="43"/>
        <source>Received</source>
        <translation>Ngày nhận</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_table_model.py" line="44"/>
        <source>Appointment</source>
        <translation>Hẹn trả</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_table_model.py" line="137"/>
        <source>{state} (overdue)</source>
        <translation>{state} (quá hạn)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_table_model.py" line="147"/>
        <source>{state} (answer overdue)</source>
        <translation>{state} (quá hạn trả lời)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_table_model.py" line="149"/>
        <source>{state} ({hours} h {minutes} min left to answer)</source>
        <translation>{state} (còn {hours} giờ {minutes} phút để trả lời)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_table_model.py" line="165"/>
        <source>{document}: {number}</source>
        <translation>{document}: {number}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_table_model.py" line="171"/>
        <source>Phone: {number}</source>
        <translation>Điện thoại: {number}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_table_model.py" line="177"/>
        <source>Accept the online dossier or ask for changes by {deadline} (within 8 working hours of its receipt).</source>
        <translation>Tiếp nhận hồ sơ trực tuyến hoặc yêu cầu bổ sung, hoàn thiện trước {deadline} (trong 08 giờ làm việc kể từ khi hệ thống tiếp nhận).</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/dossier_table_model.py" line="181"/>
        <source>The appointment has passed: apologise and set a new appointment.</source>
        <translation>Đã quá ngày hẹn: cần gửi văn bản xin lỗi và hẹn lại ngày trả kết quả.</translation>
    </message>
</context>
<context>
    <name>Dossiers</name>
    <message>
        <location filename="../../counter_app/services/dossiers.py" line="175"/>
        <source>This procedure does not deliver results that way; choose another.</source>
        <translation>Thủ tục này không trả kết quả theo hình thức đã chọn; hãy chọn hình thức khác.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/dossiers.py" line="182"/>
        <source>Enter the postal address to send the result to.</source>
        <translation>Hãy nhập địa chỉ nhận kết quả qua bưu chính.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/dossiers.py" line="212"/>
        <source>This citizen already has a pending dossier for the same procedure: {codes}.</source>
        <translation>Công dân này đã có hồ sơ cùng thủ tục đang giải quyết: {codes}.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/dossier_steps.py" line="131"/>
        <source>No dossier has the code “{code}”.</source>
        <translation>Không có hồ sơ nào mang mã “{code}”; kiểm tra lại mã hồ sơ.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/dossier_steps.py" line="163"/>
        <source>List every document or detail the citizen must supplement, at once.</source>
        <translation>Hãy liệt kê đầy đủ, một lần, các giấy tờ hoặc nội dung công dân cần bổ sung.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/dossier_steps.py" line="171"/>
        <source>A supplement was already requested for this dossier; the request is made only once, with the complete list.</source>
        <translation>Hồ sơ này đã được yêu cầu bổ sung; chỉ được yêu cầu bổ sung một lần, với danh sách đầy đủ.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/dossier_steps.py" line="207"/>
        <source>Name the department the dossier is transferred to.</source>
        <translation>Hãy nhập tên cơ quan chuyên môn nhận hồ sơ chuyển đến.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/dossier_steps.py" line="212"/>
        <source>Write the reason in the note.</source>
        <translation>Hãy ghi rõ lý do vào ô ghi chú.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/dossier_steps.py" line="216"/>
        <source>The new appointment must be later than now and than the old one.</source>
        <translation>Thời hạn hẹn mới phải sau thời điểm hiện tại và sau thời hạn hẹn cũ.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/dossier_steps.py" line="222"/>
        <source>Write the reason for the delay.</source>
        <translation>Hãy ghi rõ lý do chậm trễ.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/on_the_spot.py" line="48"/>
        <source>Type the reason for the refusal.</source>
        <translation>Nhập lý do từ chối giải quyết.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/on_the_spot.py" line="62"/>
        <source>This procedure is not on the “4 tại chỗ” list.</source>
        <translation>Thủ tục này không thuộc danh mục giải quyết theo cơ chế “4 tại chỗ”.</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <location filename="../../counter_app/ui/app.py" line="91"/>
        <source>Something went wrong and the last action was not finished. Dossiers already saved are safe; try the action again.</source>
        <translation>Đã xảy ra lỗi, thao tác vừa rồi chưa hoàn thành. Các hồ sơ đã lưu vẫn an toàn; vui lòng thực hiện lại thao tác.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/app.py" line="93"/>
        <location filename="../../counter_app/ui/app.py" line="218"/>
        <source>Counter error</source>
        <translation>Lỗi phần mềm một cửa</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/app.py" line="98"/>
        <source>If it happens again, call the IT staff and give them the log file in: {folder}</source>
        <translation>Nếu lỗi lặp lại, vui lòng báo cán bộ công nghệ thông tin và gửi kèm tệp nhật ký trong thư mục: {folder}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/app.py" line="101"/>
        <source>If it happens again, call the IT staff.</source>
        <translation>Nếu lỗi lặp lại, vui lòng báo cán bộ công nghệ thông tin.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/app.py" line="219"/>
        <source>The counter&apos;s data could not be opened. Call the IT staff; nothing was changed.</source>
        <translation>Không mở được dữ liệu của quầy. Vui lòng báo cán bộ công nghệ thông tin; dữ liệu chưa bị thay đổi.</translation>
    </message>
</context>
<context>
    <name>FeeEntry</name>
    <message>
        <location filename="../../counter_app/ui/fee_entry.py" line="24"/>
        <source>Signatures:</source>
        <translation>Số chữ ký:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/fee_entry.py" line="31"/>
        <source>enter the amount</source>
        <translation>nhập số tiền</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/fee_entry.py" line="33"/>
        <source>Fee from the province&apos;s table:</source>
        <translation>Phí, lệ phí theo biểu của tỉnh:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/fee_entry.py" line="35"/>
        <source>The province&apos;s council sets this fee; type the amount of its fee table.</source>
        <translation>Mức phí, lệ phí này do HĐND tỉnh quy định; nhập số tiền theo biểu phí của tỉnh.</translation>
    </message>
</context>
<context>
    <name>Fees</name>
    <message>
        <location filename="../../counter_app/domain/fees.py" line="35"/>
        <source>Number of pages must be a whole number of at least 1; {value} was entered.</source>
        <translation>Số trang phải là số nguyên từ 1 trở lên; đã nhập {value}.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/fees.py" line="39"/>
        <source>Number of signatures must be a whole number of at least 1; {value} was entered.</source>
        <translation>Số chữ ký phải là số nguyên từ 1 trở lên; đã nhập {value}.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/fees.py" line="44"/>
        <source>Number of copies must be a whole number of at least 1; {value} was entered.</source>
        <translation>Số bản phải là số nguyên từ 1 trở lên; đã nhập {value}.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/fees.py" line="104"/>
        <source>This procedure&apos;s fee is computed from the catalogue; leave the amount empty.</source>
        <translation>Phí, lệ phí của thủ tục này được tính theo danh mục; để trống ô số tiền.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/fees.py" line="133"/>
        <source>The province sets this procedure&apos;s fee: enter the amount in đồng from the province&apos;s fee table.</source>
        <translation>Phí, lệ phí của thủ tục này do tỉnh quy định: nhập số tiền (đồng) theo biểu phí của tỉnh.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/fees.py" line="170"/>
        <source>The fee field “{field}” must be a whole number of đồng, zero or more; it is {value}.</source>
        <translation>Mục phí “{field}” phải là số đồng nguyên, từ 0 trở lên; giá trị hiện tại là {value}.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/fees.py" line="201"/>
        <source>A page tier must start on a whole page number of at least 1; it starts on {value}.</source>
        <translation>Mỗi bậc giá theo trang phải bắt đầu từ một số trang nguyên, từ 1 trở lên; bậc này bắt đầu từ {value}.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/fees.py" line="214"/>
        <source>Page tiers must start on increasing page numbers; page {page} comes after page {previous}.</source>
        <translation>Các bậc giá theo trang phải bắt đầu từ số trang tăng dần; trang {page} đang đứng sau trang {previous}.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/fees.py" line="241"/>
        <source>Unknown fee kind “{kind}”; use one of: {allowed}.</source>
        <translation>Loại phí “{kind}” không hợp lệ; hãy dùng một trong các loại: {allowed}.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/fees.py" line="258"/>
        <source>A per-page fee needs at least one page tier with its price.</source>
        <translation>Phí tính theo trang cần có ít nhất một bậc giá theo trang kèm đơn giá.</translation>
    </message>
</context>
<context>
    <name>FileChecks</name>
    <message>
        <location filename="../../counter_app/services/file_checks.py" line="177"/>
        <source>{count} electronic copies are missing or damaged in the data folder (dossiers {dossiers}). Tell the administrator: they are restored from a backup; “counter-app check” lists them all.</source>
        <translation>{count} bản điện tử bị thiếu hoặc hỏng trong thư mục dữ liệu (hồ sơ {dossiers}). Hãy báo quản trị viên để khôi phục chúng từ bản sao lưu; lệnh “counter-app check” liệt kê đủ các tệp này.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/file_checks.py" line="212"/>
        <source>The database a restore replaced ({file}) cannot be read, so it is not known which files its dossiers need: nothing was deleted.</source>
        <translation>Không đọc được cơ sở dữ liệu đã bị thay thế khi khôi phục ({file}), nên không biết các hồ sơ của nó cần những tệp nào: chưa xóa tệp nào.</translation>
    </message>
</context>
<context>
    <name>FilesPanel</name>
    <message>
        <location filename="../../counter_app/ui/paper_sources.py" line="162"/>
        <source>A PDF, a JPEG or PNG photo (taken with a phone, for instance) or a TIFF. Every page is added to the paper.</source>
        <translation>Tệp PDF, ảnh JPEG hoặc PNG (ví dụ ảnh chụp bằng điện thoại) hoặc TIFF. Mọi trang của tệp được thêm vào giấy tờ.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_sources.py" line="169"/>
        <source>Add &amp;files…</source>
        <translation>Thêm &amp;tệp…</translation>
    </message>
</context>
<context>
    <name>FolderPanel</name>
    <message>
        <location filename="../../counter_app/ui/paper_folder.py" line="93"/>
        <source>&amp;Add the chosen files</source>
        <translation>&amp;Thêm các tệp đã chọn</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_folder.py" line="97"/>
        <source>Choose the &amp;folder…</source>
        <translation>Chọn &amp;thư mục…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_folder.py" line="114"/>
        <source>No scan folder is set for this desk. Choose the folder the office&apos;s printer scans into.</source>
        <translation>Quầy chưa đặt thư mục quét. Chọn thư mục mà máy in của cơ quan quét vào.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_folder.py" line="121"/>
        <source>Files scanned into {path}:</source>
        <translation>Các tệp đã quét vào {path}:</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <location filename="../../counter_app/ui/help_window.py" line="32"/>
        <source>User guide</source>
        <translation>Hướng dẫn sử dụng</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <location filename="../../counter_app/ui/admin/import_report.py" line="76"/>
        <source>Catalogue import: {name}</source>
        <translation>Nhập danh mục: {name}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/import_report.py" line="82"/>
        <source>{created} new procedures, {updated} updated, {rejected} rows rejected.</source>
        <translation>{created} thủ tục mới, {updated} thủ tục được cập nhật, {rejected} dòng bị từ chối.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/import_report.py" line="99"/>
        <source>Rejected rows ({count})</source>
        <translation>Dòng bị từ chối ({count})</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/import_report.py" line="106"/>
        <source>Imported ({count})</source>
        <translation>Đã nhập ({count})</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/import_report.py" line="112"/>
        <source>Correct these rows in the file and import it again.</source>
        <translation>Sửa các dòng này trong tệp rồi nhập lại.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/import_report.py" line="115"/>
        <source>The other rows were imported. Correct these rows in the file and import it again: rows already imported are updated, not doubled.</source>
        <translation>Các dòng khác đã được nhập. Sửa các dòng này trong tệp rồi nhập lại: dòng đã nhập sẽ được cập nhật, không bị nhân đôi.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/import_report.py" line="122"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>ImportedModel</name>
    <message>
        <location filename="../../counter_app/ui/admin/import_report.py" line="56"/>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/import_report.py" line="56"/>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/import_report.py" line="56"/>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/import_report.py" line="69"/>
        <source>New</source>
        <translation>Mới</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/import_report.py" line="69"/>
        <source>Updated</source>
        <translation>Cập nhật</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../counter_app/ui/formats.py" line="18"/>
        <source>original</source>
        <translation>bản chính</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/formats.py" line="19"/>
        <source>certified copy</source>
        <translation>bản sao chứng thực</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/formats.py" line="20"/>
        <source>photocopy</source>
        <translation>bản chụp</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/formats.py" line="24"/>
        <source>At the counter</source>
        <translation>Tại Bộ phận một cửa</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/formats.py" line="25"/>
        <source>By public postal service</source>
        <translation>Qua dịch vụ bưu chính công ích</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/formats.py" line="26"/>
        <source>Electronic copy online</source>
        <translation>Bản điện tử trên Cổng dịch vụ công</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/formats.py" line="30"/>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/formats.py" line="31"/>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/formats.py" line="36"/>
        <source>Citizen ID (CCCD)</source>
        <translation>Căn cước công dân (CCCD)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/formats.py" line="37"/>
        <source>Old identity card (CMND, 9 digits)</source>
        <translation>Chứng minh nhân dân cũ (CMND, 9 số)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/formats.py" line="38"/>
        <location filename="../../counter_app/ui/formats.py" line="49"/>
        <source>Passport</source>
        <translation>Hộ chiếu</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/formats.py" line="39"/>
        <source>Organisation: tax code</source>
        <translation>Tổ chức: mã số thuế</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/formats.py" line="40"/>
        <source>Organisation: business registration code</source>
        <translation>Tổ chức: mã số đăng ký kinh doanh</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/formats.py" line="47"/>
        <source>CCCD</source>
        <translation>CCCD</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/formats.py" line="48"/>
        <source>CMND</source>
        <translation>CMND</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/formats.py" line="50"/>
        <source>Tax code</source>
        <translation>Mã số thuế</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/formats.py" line="51"/>
        <source>Business code</source>
        <translation>Mã số ĐKKD</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/formats.py" line="54"/>
        <source>Same day</source>
        <translation>Trong ngày</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/formats.py" line="55"/>
        <source>{count} working days</source>
        <translation>{count} ngày làm việc</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/formats.py" line="56"/>
        <source>{count} working hours</source>
        <translation>{count} giờ làm việc</translation>
    </message>
</context>
<context>
    <name>LedgerPeriodDialog</name>
    <message>
        <location filename="../../counter_app/ui/ledger_dialog.py" line="81"/>
        <source>Print the dossier ledger</source>
        <translation>In sổ theo dõi hồ sơ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/ledger_dialog.py" line="89"/>
        <source>Received &amp;from:</source>
        <translation>Tiếp nhận &amp;từ ngày:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/ledger_dialog.py" line="90"/>
        <source>&amp;To (inclusive):</source>
        <translation>Đế&amp;n ngày (tính cả ngày này):</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/ledger_dialog.py" line="95"/>
        <source>Preview the ledger…</source>
        <translation>Xem trước sổ…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/ledger_dialog.py" line="110"/>
        <source>The period ends before it starts: correct the dates.</source>
        <translation>Ngày kết thúc trước ngày bắt đầu: hãy sửa lại ngày.</translation>
    </message>
</context>
<context>
    <name>LedgerPrint</name>
    <message>
        <location filename="../../counter_app/ui/ledger_dialog.py" line="40"/>
        <source>Dossier ledger {start} – {end}: print preview</source>
        <translation>Sổ theo dõi hồ sơ {start} – {end}: xem trước khi in</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="71"/>
        <location filename="../../counter_app/ui/login_dialog.py" line="103"/>
        <source>Log in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="73"/>
        <source>Log in to {counter}. This works without internet.</source>
        <translation>Đăng nhập vào {counter}. Không cần kết nối internet.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="74"/>
        <source>the counter</source>
        <translation>quầy</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="78"/>
        <source>Approver&apos;s signature</source>
        <translation>Ký duyệt của người phê duyệt</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="81"/>
        <source>The approver present at the desk logs in to approve this dossier on the spot.</source>
        <translation>Người phê duyệt có mặt tại quầy đăng nhập để phê duyệt hồ sơ này tại chỗ.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="96"/>
        <source>&amp;User name:</source>
        <translation>&amp;Tên đăng nhập:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="97"/>
        <source>&amp;Password:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="126"/>
        <source>Enter the user name and the password.</source>
        <translation>Vui lòng nhập tên đăng nhập và mật khẩu.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="143"/>
        <source>{name} does not hold the role “{role}”.</source>
        <translation>{name} không có vai trò “{role}”.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/login_dialog.py" line="156"/>
        <source>The login could not be checked; see the log file.</source>
        <translation>Không kiểm tra được thông tin đăng nhập; vui lòng xem tệp nhật ký.</translation>
    </message>
</context>
<context>
    <name>MainAdmin</name>
    <message>
        <location filename="../../counter_app/ui/main_admin.py" line="40"/>
        <source>&amp;Administration</source>
        <translation>&amp;Quản trị</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_admin.py" line="42"/>
        <source>&amp;Officials…</source>
        <translation>&amp;Cán bộ…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_admin.py" line="44"/>
        <source>Procedure &amp;catalogue…</source>
        <translation>&amp;Danh mục thủ tục…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_admin.py" line="47"/>
        <source>Working &amp;calendar…</source>
        <translation>&amp;Lịch làm việc…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_admin.py" line="48"/>
        <source>&amp;Printers and paper…</source>
        <translation>&amp;Máy in và khổ giấy…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_admin.py" line="49"/>
        <source>&amp;Unit and forms…</source>
        <translation>&amp;Đơn vị và mẫu biểu…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_admin.py" line="51"/>
        <source>&amp;Backups…</source>
        <translation>&amp;Sao lưu…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_admin.py" line="52"/>
        <source>Central c&amp;onnection…</source>
        <translation>Kết nối &amp;trung tâm…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_admin.py" line="53"/>
        <source>&amp;Digital signatures…</source>
        <translation>Chữ &amp;ký số…</translation>
    </message>
</context>
<context>
    <name>MainHelp</name>
    <message>
        <location filename="../../counter_app/ui/help_window.py" line="95"/>
        <source>&amp;Help</source>
        <translation>&amp;Trợ giúp</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/help_window.py" line="96"/>
        <source>User &amp;guide</source>
        <translation>&amp;Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/help_window.py" line="99"/>
        <source>&amp;About</source>
        <translation>&amp;Giới thiệu</translation>
    </message>
</context>
<context>
    <name>MainReports</name>
    <message>
        <location filename="../../counter_app/ui/main_reports.py" line="28"/>
        <source>&amp;Reports</source>
        <translation>&amp;Báo cáo</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_reports.py" line="29"/>
        <source>Reports and statistics…</source>
        <translation>Báo cáo, thống kê…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_reports.py" line="35"/>
        <source>Print the dossier ledger…</source>
        <translation>In sổ theo dõi hồ sơ…</translation>
    </message>
</context>
<context>
    <name>MainScan</name>
    <message>
        <location filename="../../counter_app/ui/main_scan.py" line="58"/>
        <source>This receipt names a signed electronic form that is not held for dossier {code}: it was not printed from a signed copy of this system, or that copy has not reached this desk yet.</source>
        <translation>Giấy tiếp nhận này ghi một biểu mẫu điện tử đã ký số không có trong hồ sơ {code}: giấy không được in từ bản đã ký số của hệ thống này, hoặc bản đó chưa về đến quầy này.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_scan.py" line="67"/>
        <source>The receipt matches the signed electronic form of dossier {code}, signed by {name} at {when}; it is selected in the dossier&apos;s Papers tab.</source>
        <translation>Giấy tiếp nhận khớp với biểu mẫu điện tử đã ký số của hồ sơ {code}, do {name} ký lúc {when}; bản đó đang được chọn ở thẻ Giấy tờ của hồ sơ.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_scan.py" line="83"/>
        <source>A citizen identity card was scanned. Open a reception (F2) and scan it again to fill the form from it.</source>
        <translation>Vừa quét thẻ Căn cước công dân. Mở Tiếp nhận hồ sơ (F2) rồi quét lại thẻ để điền vào mẫu.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_scan.py" line="92"/>
        <source>The scanned code is neither a receipt of this system nor a citizen identity card; nothing was changed. Scan the receipt&apos;s barcode instead.</source>
        <translation>Mã vừa quét không phải giấy tiếp nhận của hệ thống này, cũng không phải thẻ Căn cước công dân; không có gì thay đổi. Hãy quét mã vạch trên giấy tiếp nhận.</translation>
    </message>
</context>
<context>
    <name>MainSession</name>
    <message>
        <location filename="../../counter_app/ui/main_session.py" line="33"/>
        <source>S&amp;ession</source>
        <translation>&amp;Phiên làm việc</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_session.py" line="34"/>
        <source>&amp;Lock the screen</source>
        <translation>&amp;Khóa màn hình</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_session.py" line="37"/>
        <source>&amp;Switch official…</source>
        <translation>Đổi &amp;người dùng…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_session.py" line="38"/>
        <source>Log &amp;out</source>
        <translation>Đăng &amp;xuất</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_session.py" line="117"/>
        <source>The desk is locked. {name} types the password to go on, or another official logs in to take the desk over.</source>
        <translation>Quầy đã khóa. {name} nhập mật khẩu để làm tiếp, hoặc công chức khác đăng nhập để nhận quầy.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_session.py" line="124"/>
        <source>Another official logs in to take the desk over.</source>
        <translation>Công chức khác đăng nhập để nhận quầy.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_session.py" line="128"/>
        <source>Logged out. The next official logs in.</source>
        <translation>Đã đăng xuất. Công chức tiếp theo đăng nhập.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_session.py" line="40"/>
        <source>E&amp;xit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_session.py" line="59"/>
        <location filename="../../counter_app/ui/main_session.py" line="67"/>
        <source>Exit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_session.py" line="61"/>
        <source>Close the one-stop desk application? Every dossier received is saved; a form not yet sent is lost.</source>
        <translation>Đóng phần mềm Một cửa? Mọi hồ sơ đã tiếp nhận đều đã được lưu; phiếu đang nhập dở chưa gửi sẽ mất.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_session.py" line="68"/>
        <source>Stay</source>
        <translation>Ở lại</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../counter_app/ui/main_lists.py" line="22"/>
        <source>Due today</source>
        <translation>Đến hạn hôm nay</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_lists.py" line="24"/>
        <source>Last day to extend</source>
        <translation>Hạn chót xin gia hạn</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_lists.py" line="26"/>
        <source>To hand over</source>
        <translation>Chờ chuyển xử lý</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_lists.py" line="23"/>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_lists.py" line="25"/>
        <source>Online, to answer</source>
        <translation>Trực tuyến chờ trả lời</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_lists.py" line="27"/>
        <source>Waiting for supplement</source>
        <translation>Chờ bổ sung</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_lists.py" line="28"/>
        <source>To close</source>
        <translation>Cần đóng hồ sơ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_lists.py" line="29"/>
        <source>Result ready</source>
        <translation>Có kết quả, chờ trả</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_lists.py" line="30"/>
        <source>All pending</source>
        <translation>Đang giải quyết</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_lists.py" line="31"/>
        <source>Received today</source>
        <translation>Tiếp nhận hôm nay</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_lists.py" line="43"/>
        <source>Search results</source>
        <translation>Kết quả tìm kiếm</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="120"/>
        <source>One-stop counter — {counter}, {agency}</source>
        <translation>Bộ phận một cửa — {counter}, {agency}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="161"/>
        <source>New dossier (F2)</source>
        <translation>Tiếp nhận hồ sơ (F2)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_dossiers.py" line="83"/>
        <location filename="../../counter_app/ui/main_window.py" line="240"/>
        <source>Only a receiving officer can receive dossiers.</source>
        <translation>Chỉ công chức tiếp nhận mới được tiếp nhận hồ sơ.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_search.py" line="64"/>
        <source>Search by dossier code, name, citizen ID or phone — with or without accents (F3)</source>
        <translation>Tìm theo mã hồ sơ, họ tên, số CCCD hoặc điện thoại — gõ có dấu hay không dấu đều được (F3)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="169"/>
        <source>Refresh (F5)</source>
        <translation>Làm mới (F5)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_status.py" line="67"/>
        <source>Official: {name} ({username})</source>
        <translation>Cán bộ: {name} ({username})</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_status.py" line="65"/>
        <source>No official logged in</source>
        <translation>Chưa có cán bộ đăng nhập</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_status.py" line="35"/>
        <source>{counter} — {agency}</source>
        <translation>{counter} — {agency}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_status.py" line="41"/>
        <source>Works without internet</source>
        <translation>Làm việc cả khi mất mạng</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_status.py" line="44"/>
        <source>Data is kept on this computer: the counter works without internet.</source>
        <translation>Dữ liệu lưu trên máy này: quầy vẫn làm việc khi mất internet.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_sync.py" line="38"/>
        <source>&amp;Sync</source>
        <translation>Đồng &amp;bộ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_sync.py" line="40"/>
        <source>Sync with the centre now</source>
        <translation>Đồng bộ với trung tâm ngay</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_sync.py" line="47"/>
        <source>Sync issues…</source>
        <translation>Bản ghi đồng bộ cần xử lý…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="283"/>
        <source>Updated {time}</source>
        <translation>Cập nhật {time}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="296"/>
        <location filename="../../counter_app/ui/main_window.py" line="300"/>
        <source>Counter</source>
        <translation>Bộ phận một cửa</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_window.py" line="302"/>
        <source>The data could not be read. Try again; if it keeps failing, call the IT staff (details are in the log file).</source>
        <translation>Không đọc được dữ liệu. Vui lòng thử lại; nếu vẫn lỗi, hãy báo cán bộ công nghệ thông tin (chi tiết có trong tệp nhật ký).</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_sync.py" line="70"/>
        <source>Sync</source>
        <translation>Đồng bộ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_sync.py" line="75"/>
        <source>Syncing with the centre…</source>
        <translation>Đang đồng bộ với trung tâm…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_sync.py" line="99"/>
        <source>Sync finished: {sent} sent, {received} received.</source>
        <translation>Đồng bộ xong: đã gửi {sent}, đã nhận {received}.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_dossiers.py" line="68"/>
        <source>Open dossier</source>
        <translation>Mở hồ sơ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_dossiers.py" line="82"/>
        <source>Receive a dossier</source>
        <translation>Tiếp nhận hồ sơ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_dossiers.py" line="136"/>
        <source>Printing</source>
        <translation>In ấn</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <location filename="../../counter_app/ui/main_notices.py" line="65"/>
        <source>Called</source>
        <translation>Đã gọi</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_notices.py" line="71"/>
        <source>Channel</source>
        <translation>Kênh</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_notices.py" line="75"/>
        <source>Done</source>
        <translation>Đã làm lúc</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_notices.py" line="69"/>
        <source>Dossier</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_notices.py" line="53"/>
        <source>Dossier closed</source>
        <translation>Đóng hồ sơ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_notices.py" line="56"/>
        <source>E-mail</source>
        <translation>Thư điện tử</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_notices.py" line="49"/>
        <source>Extension</source>
        <translation>Gia hạn</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_notices.py" line="163"/>
        <source>I called the citizen</source>
        <translation>Đã gọi điện cho công dân</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_notices.py" line="74"/>
        <source>Made</source>
        <translation>Lập lúc</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/notices.py" line="265"/>
        <source>No such notice.</source>
        <translation>Không có thông báo này.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_notices.py" line="64"/>
        <source>Not delivered</source>
        <translation>Không gửi được</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_notices.py" line="70"/>
        <source>Notice</source>
        <translation>Thông báo</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_notices.py" line="47"/>
        <source>Notices</source>
        <translation>Thông báo</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_notices.py" line="204"/>
        <source>Notices to send: {count}</source>
        <translation>Thông báo chờ gửi: {count}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_notices.py" line="51"/>
        <source>Online dossier accepted</source>
        <translation>Tiếp nhận hồ sơ trực tuyến</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_notices.py" line="52"/>
        <source>Online dossier: changes asked</source>
        <translation>Hồ sơ trực tuyến: yêu cầu bổ sung</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/notices.py" line="270"/>
        <source>Only a phone call still to make can be recorded as made.</source>
        <translation>Chỉ ghi nhận được cuộc gọi chưa thực hiện.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_notices.py" line="58"/>
        <source>Phone call</source>
        <translation>Gọi điện</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_notices.py" line="167"/>
        <source>Record that you told the citizen this notice by phone, now.</source>
        <translation>Ghi nhận anh/chị vừa báo nội dung này cho công dân qua điện thoại.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_notices.py" line="50"/>
        <source>Result ready early</source>
        <translation>Có kết quả trước hẹn</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_notices.py" line="57"/>
        <source>SMS</source>
        <translation>Tin nhắn SMS</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_notices.py" line="62"/>
        <source>Sending</source>
        <translation>Đang gửi</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_notices.py" line="63"/>
        <source>Sent</source>
        <translation>Đã gửi</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_notices.py" line="73"/>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_notices.py" line="261"/>
        <source>The call could not be recorded. Try again; if it keeps failing, call the IT staff.</source>
        <translation>Không ghi nhận được cuộc gọi. Hãy thử lại; nếu vẫn lỗi, hãy gọi cán bộ tin học.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_notices.py" line="72"/>
        <source>To</source>
        <translation>Gửi đến</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_notices.py" line="67"/>
        <source>To call</source>
        <translation>Cần gọi điện</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_notices.py" line="61"/>
        <source>To send</source>
        <translation>Chờ gửi</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/main_notices.py" line="76"/>
        <source>Why not sent</source>
        <translation>Lý do chưa gửi được</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/notice_settings.py" line="115"/>
        <source>Write the SMS gateway&apos;s address, starting with https:// or http://.</source>
        <translation>Nhập địa chỉ cổng SMS, bắt đầu bằng https:// hoặc http://.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/notice_settings.py" line="104"/>
        <source>Write the address the mail is sent from, e.g. motcua@xa.gov.vn.</source>
        <translation>Nhập địa chỉ thư gửi đi, ví dụ motcua@xa.gov.vn.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/notice_settings.py" line="97"/>
        <source>Write the mail server&apos;s name, e.g. smtp.example.vn.</source>
        <translation>Nhập tên máy chủ thư, ví dụ smtp.example.vn.</translation>
    </message>
</context>
<context>
    <name>Ocr</name>
    <message>
        <location filename="../../counter_app/files/ocr.py" line="69"/>
        <source>Text recognition (OCR) is not available on this computer: the IT staff install it (Tesseract and ocrmypdf). The copy is kept without its text; type the paper&apos;s data.</source>
        <translation>Chức năng nhận dạng chữ (OCR) không dùng được trên máy này: cán bộ CNTT cần cài đặt (Tesseract và ocrmypdf). Bản điện tử vẫn được lưu nhưng không có phần chữ; hãy nhập thông tin giấy tờ bằng tay.</translation>
    </message>
    <message>
        <location filename="../../counter_app/files/ocr.py" line="80"/>
        <source>Text recognition (OCR) lacks the language data {languages} on this computer (package tesseract-ocr-vie); type the paper&apos;s data.</source>
        <translation>Chức năng nhận dạng chữ (OCR) trên máy này thiếu dữ liệu ngôn ngữ {languages} (gói tesseract-ocr-vie); hãy nhập thông tin giấy tờ bằng tay.</translation>
    </message>
    <message>
        <location filename="../../counter_app/files/ocr.py" line="133"/>
        <source>The text of this copy could not be read ({reason}); the copy is kept as scanned: type the paper&apos;s data.</source>
        <translation>Không đọc được chữ trên bản điện tử này ({reason}); bản quét vẫn được giữ nguyên: hãy nhập thông tin giấy tờ bằng tay.</translation>
    </message>
</context>
<context>
    <name>OfficialForms</name>
    <message>
        <location filename="../../counter_app/ui/admin/official_forms.py" line="43"/>
        <source>at least {count} characters</source>
        <translation>ít nhất {count} ký tự</translation>
    </message>
</context>
<context>
    <name>OfficialsDialog</name>
    <message>
        <location filename="../../counter_app/ui/admin/officials_dialog.py" line="30"/>
        <location filename="../../counter_app/ui/admin/officials_dialog.py" line="117"/>
        <source>Officials</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/officials_dialog.py" line="37"/>
        <source>A disabled official can no longer log in; their dossiers and history stay. Officials sent by the centre may be changed there again.</source>
        <translation>Cán bộ đã bị vô hiệu hóa không đăng nhập được nữa; hồ sơ và lịch sử của họ vẫn được giữ. Cán bộ do trung tâm gửi xuống có thể được trung tâm thay đổi lại.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/officials_dialog.py" line="55"/>
        <source>Add an official…</source>
        <translation>Thêm cán bộ…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/officials_dialog.py" line="56"/>
        <location filename="../../counter_app/ui/admin/officials_dialog.py" line="89"/>
        <source>Disable</source>
        <translation>Vô hiệu hóa</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/officials_dialog.py" line="57"/>
        <source>Reset password…</source>
        <translation>Đặt lại mật khẩu…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/officials_dialog.py" line="58"/>
        <source>Change roles…</source>
        <translation>Đổi vai trò…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/officials_dialog.py" line="89"/>
        <source>Enable</source>
        <translation>Kích hoạt lại</translation>
    </message>
</context>
<context>
    <name>OfficialsModel</name>
    <message>
        <location filename="../../counter_app/ui/admin/officials_model.py" line="29"/>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/officials_model.py" line="30"/>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/officials_model.py" line="31"/>
        <source>Title</source>
        <translation>Chức danh</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/officials_model.py" line="32"/>
        <source>Roles</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/officials_model.py" line="33"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/officials_model.py" line="58"/>
        <source>Active</source>
        <translation>Đang hoạt động</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/officials_model.py" line="58"/>
        <source>Disabled</source>
        <translation>Đã vô hiệu hóa</translation>
    </message>
</context>
<context>
    <name>OnTheSpot</name>
    <message>
        <location filename="../../counter_app/ui/on_the_spot.py" line="40"/>
        <source>4 on the spot: appraise, approve and return now</source>
        <translation>4 tại chỗ: thẩm định, phê duyệt rồi trả kết quả ngay</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/on_the_spot.py" line="44"/>
        <source>4 on the spot: refuse</source>
        <translation>4 tại chỗ: từ chối giải quyết</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/on_the_spot.py" line="117"/>
        <source>4 on the spot</source>
        <translation>4 tại chỗ</translation>
    </message>
</context>
<context>
    <name>PageStrip</name>
    <message>
        <location filename="../../counter_app/ui/paper_pages.py" line="77"/>
        <source>Turn &amp;left</source>
        <translation>Xoay &amp;trái</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_pages.py" line="79"/>
        <source>Turn &amp;right</source>
        <translation>Xoay &amp;phải</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_pages.py" line="81"/>
        <source>&amp;Earlier</source>
        <translation>Lên t&amp;rước</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_pages.py" line="83"/>
        <source>La&amp;ter</source>
        <translation>Ra &amp;sau</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_pages.py" line="85"/>
        <source>Remove &amp;page</source>
        <translation>&amp;Bỏ trang</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_pages.py" line="176"/>
        <source>Page {n}</source>
        <translation>Trang {n}</translation>
    </message>
</context>
<context>
    <name>PaperFields</name>
    <message>
        <location filename="../../counter_app/ui/paper_fields.py" line="61"/>
        <source>The paper&apos;s data (Decree 118/2025, Art. 19(2))</source>
        <translation>Thông tin giấy tờ (Điều 19 khoản 2 Nghị định 118/2025)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_fields.py" line="77"/>
        <source>Document type:</source>
        <translation>Loại giấy tờ:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_fields.py" line="80"/>
        <source>Document name:</source>
        <translation>Tên giấy tờ:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_fields.py" line="83"/>
        <source>Identification number:</source>
        <translation>Số định danh:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_fields.py" line="89"/>
        <source>Summary:</source>
        <translation>Trích yếu nội dung:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_fields.py" line="91"/>
        <source>dd/mm/yyyy, empty: no limit</source>
        <translation>dd/mm/yyyy, để trống: không thời hạn</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_fields.py" line="92"/>
        <source>Valid until:</source>
        <translation>Hiệu lực đến:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_fields.py" line="94"/>
        <source>Scope:</source>
        <translation>Phạm vi hiệu lực:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_fields.py" line="95"/>
        <source>Without an identification number:</source>
        <translation>Khi không có số định danh:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_fields.py" line="99"/>
        <source>Full name:</source>
        <translation>Họ và tên:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_fields.py" line="102"/>
        <source>Year of birth:</source>
        <translation>Năm sinh:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_fields.py" line="106"/>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_fields.py" line="107"/>
        <source>Issued on:</source>
        <translation>Ngày cấp:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_fields.py" line="109"/>
        <source>Issued by:</source>
        <translation>Nơi cấp:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_fields.py" line="119"/>
        <source>Write the date as dd/mm/yyyy.</source>
        <translation>Ghi ngày theo dạng dd/mm/yyyy.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_fields.py" line="125"/>
        <source>Write the year with four digits.</source>
        <translation>Ghi năm bằng bốn chữ số.</translation>
    </message>
</context>
<context>
    <name>PaperOcr</name>
    <message>
        <location filename="../../counter_app/ui/paper_ocr.py" line="36"/>
        <source>Read the text (OCR)</source>
        <translation>Nhận dạng chữ (OCR)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_ocr.py" line="46"/>
        <source>Make the copy searchable and propose its data</source>
        <translation>Nhận dạng chữ để tìm kiếm được bản điện tử và đề xuất thông tin giấy tờ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_ocr.py" line="55"/>
        <location filename="../../counter_app/ui/paper_ocr.py" line="75"/>
        <source>The pages changed: read the text again if needed.</source>
        <translation>Các trang đã thay đổi: nhận dạng chữ lại nếu cần.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_ocr.py" line="65"/>
        <source>Reading the text…</source>
        <translation>Đang nhận dạng chữ…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_ocr.py" line="82"/>
        <source>Text read: the copy will be searchable. Filled in: {fields}. Check them.</source>
        <translation>Đã nhận dạng chữ: bản điện tử sẽ tìm kiếm được. Đã điền: {fields}. Hãy kiểm tra lại.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_ocr.py" line="83"/>
        <source>nothing</source>
        <translation>không ô nào</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_ocr.py" line="105"/>
        <source>number</source>
        <translation>số định danh</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_ocr.py" line="106"/>
        <source>issued on</source>
        <translation>ngày cấp</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_ocr.py" line="107"/>
        <source>valid until</source>
        <translation>hiệu lực đến</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_ocr.py" line="111"/>
        <source>document type</source>
        <translation>loại giấy tờ</translation>
    </message>
</context>
<context>
    <name>PaperSigning</name>
    <message>
        <location filename="../../counter_app/ui/paper_signing.py" line="52"/>
        <source>Sign and &amp;save</source>
        <translation>&amp;Ký số và lưu</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_signing.py" line="52"/>
        <source>&amp;Save the copy</source>
        <translation>&amp;Lưu bản điện tử</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_signing.py" line="63"/>
        <source>No digital signature configured: the copy is saved unsigned.</source>
        <translation>Chưa cấu hình chữ ký số: bản điện tử được lưu mà không ký.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_signing.py" line="69"/>
        <source>The copy is signed with your token when saved (the PIN is asked once).</source>
        <translation>Bản điện tử được ký bằng token của anh/chị khi lưu (mã PIN chỉ hỏi một lần).</translation>
    </message>
</context>
<context>
    <name>Papers</name>
    <message>
        <location filename="../../counter_app/domain/papers.py" line="153"/>
        <source>Choose the document type from the list (version {version}).</source>
        <translation>Chọn loại giấy tờ trong danh mục (phiên bản {version}).</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/papers.py" line="162"/>
        <source>Enter the document&apos;s name.</source>
        <translation>Nhập tên giấy tờ.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/papers.py" line="170"/>
        <source>The identification number has 8 to 15 digits or capital letters; check it against the paper.</source>
        <translation>Số định danh gồm 8 đến 15 chữ số hoặc chữ in hoa; đối chiếu lại với giấy tờ.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/papers.py" line="196"/>
        <source>Without an identification number, enter the holder&apos;s full name, year of birth, and the date and authority of issue.</source>
        <translation>Không có số định danh thì nhập họ tên, năm sinh của người được cấp, ngày cấp và cơ quan cấp.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/papers.py" line="210"/>
        <source>The year of birth must be from 1900 to {year}.</source>
        <translation>Năm sinh phải từ 1900 đến {year}.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/papers.py" line="219"/>
        <source>The date of issue cannot be in the future.</source>
        <translation>Ngày cấp không được sau ngày hôm nay.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/papers.py" line="231"/>
        <source>The paper cannot expire before the date it was issued.</source>
        <translation>Ngày hết hiệu lực không được trước ngày cấp.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/paper_records.py" line="131"/>
        <source>Only an official who receives dossiers or returns results may add electronic copies.</source>
        <translation>Chỉ công chức tiếp nhận hồ sơ hoặc trả kết quả mới được thêm bản điện tử.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/paper_records.py" line="161"/>
        <source>The file is not a PDF that can be read (damaged or protected); scan the paper again or choose another file.</source>
        <translation>Tệp không phải là PDF đọc được (bị hỏng hoặc có mật khẩu); hãy quét lại giấy tờ hoặc chọn tệp khác.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/paper_records.py" line="176"/>
        <source>The dossier has no paper number {position} in its checklist.</source>
        <translation>Hồ sơ không có giấy tờ số {position} trong danh mục.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/paper_records.py" line="205"/>
        <source>Choose a result type (a code starting with KQ).</source>
        <translation>Chọn loại kết quả (mã bắt đầu bằng KQ).</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/paper_records.py" line="209"/>
        <source>A result&apos;s document code needs the holder&apos;s identification number.</source>
        <translation>Mã kết quả điện tử cần số định danh của người được cấp.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/papers.py" line="93"/>
        <source>“{name}” is not among the documents handed in; tick it or take the paper for another document.</source>
        <translation>“{name}” không có trong các giấy tờ đã nộp; hãy đánh dấu giấy tờ đó hoặc dùng giấy tờ số hóa cho giấy tờ khác.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/papers.py" line="118"/>
        <source>The file of “{name}” has not arrived from the centre; take the paper again when the link is back, or scan it.</source>
        <translation>Tệp của “{name}” chưa tải được từ Trung tâm; hãy chọn lại giấy tờ khi có kết nối, hoặc quét giấy tờ.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/papers.py" line="150"/>
        <source>This paper expired on {date}; it cannot be reused. Scan the new paper.</source>
        <translation>Giấy tờ này đã hết hiệu lực ngày {date}, không dùng lại được. Hãy quét giấy tờ mới.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/papers.py" line="162"/>
        <source>This electronic copy is not held here.</source>
        <translation>Bản điện tử này không có ở quầy.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/papers.py" line="234"/>
        <source>Write why the copy is removed (at least 5 characters).</source>
        <translation>Ghi lý do gỡ bỏ bản điện tử (ít nhất 5 ký tự).</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../counter_app/ui/admin/official_forms.py" line="95"/>
        <source>New password for {name}</source>
        <translation>Mật khẩu mới cho {name}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/official_forms.py" line="98"/>
        <source>Official:</source>
        <translation>Cán bộ:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/official_forms.py" line="99"/>
        <source>New password:</source>
        <translation>Mật khẩu mới:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/official_forms.py" line="100"/>
        <source>Password again:</source>
        <translation>Nhập lại mật khẩu:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/official_forms.py" line="101"/>
        <source>Set the password</source>
        <translation>Đặt mật khẩu</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../counter_app/ui/signing_dialogs.py" line="87"/>
        <source>Token PIN</source>
        <translation>Mã PIN của token</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/signing_dialogs.py" line="96"/>
        <source>Token: {label}</source>
        <translation>Token: {label}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/signing_dialogs.py" line="106"/>
        <source>Type the PIN of your signing token. It is asked once: the desk keeps it until the screen is locked or you log out.</source>
        <translation>Nhập mã PIN của token ký số. Mã PIN chỉ hỏi một lần: máy quầy giữ đến khi khóa màn hình hoặc đăng xuất.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/signing_dialogs.py" line="121"/>
        <source>Open the token</source>
        <translation>Mở token</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/signing_dialogs.py" line="122"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../counter_app/ui/print_preview.py" line="150"/>
        <source>Sign digitally</source>
        <translation>Ký số</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/print_preview.py" line="154"/>
        <source>Sign the form with your token as it prints; the signed copy is kept in the dossier.</source>
        <translation>Ký số biểu mẫu bằng chứng thư số (token) của cán bộ khi in; bản đã ký số được lưu trong hồ sơ.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/print_preview.py" line="210"/>
        <source>Signing and printing…</source>
        <translation>Đang ký số và in…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/form_print.py" line="83"/>
        <source>Print preview — {code}</source>
        <translation>Xem trước khi in — {code}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/print_preview.py" line="142"/>
        <source>&amp;Print… (Ctrl+P)</source>
        <translation>&amp;In… (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/print_preview.py" line="145"/>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Lưu thành tệp PDF…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/print_preview.py" line="147"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/print_output.py" line="105"/>
        <source>Save as PDF</source>
        <translation>Lưu thành tệp PDF</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/form_print.py" line="95"/>
        <source>Not saved yet: the step “{step}” is recorded only once this form has been printed or saved as PDF.</source>
        <translation>Chưa lưu: bước “{step}” chỉ được ghi nhận sau khi phiếu này đã được in hoặc lưu thành tệp PDF.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/print_preview.py" line="147"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/print_preview.py" line="218"/>
        <source>Printing…</source>
        <translation>Đang in…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/print_preview.py" line="230"/>
        <source>Sent to {target}.</source>
        <translation>Đã gửi tới {target}.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/print_preview.py" line="243"/>
        <location filename="../../counter_app/ui/print_preview.py" line="245"/>
        <location filename="../../counter_app/ui/print_preview.py" line="281"/>
        <source>Printing</source>
        <translation>In ấn</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/print_preview.py" line="245"/>
        <source>Printing failed; see the log file.</source>
        <translation>In không thành công; vui lòng xem tệp nhật ký.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/print_output.py" line="119"/>
        <source>The form could not be prepared; see the log file.</source>
        <translation>Không lập được biểu mẫu; vui lòng xem tệp nhật ký.</translation>
    </message>
</context>
<context>
    <name>PrinterDialog</name>
    <message>
        <location filename="../../counter_app/ui/admin/printer_dialog.py" line="19"/>
        <source>Receipt and appointment</source>
        <translation>Giấy tiếp nhận hồ sơ và hẹn trả kết quả</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/printer_dialog.py" line="20"/>
        <source>Request to supplement a dossier</source>
        <translation>Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/printer_dialog.py" line="21"/>
        <source>Refusal to receive a dossier</source>
        <translation>Phiếu từ chối tiếp nhận giải quyết hồ sơ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/printer_dialog.py" line="22"/>
        <source>Apology for a late result</source>
        <translation>Phiếu xin lỗi và hẹn lại ngày trả kết quả</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/printer_dialog.py" line="23"/>
        <source>Notice to stop processing</source>
        <translation>Thông báo dừng giải quyết hồ sơ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/printer_dialog.py" line="24"/>
        <source>Dossier control slip</source>
        <translation>Phiếu kiểm soát quá trình giải quyết hồ sơ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/printer_dialog.py" line="25"/>
        <source>Ledger of dossiers</source>
        <translation>Sổ theo dõi hồ sơ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/printer_dialog.py" line="28"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/printer_dialog.py" line="29"/>
        <source>A5</source>
        <translation>A5</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/printer_dialog.py" line="30"/>
        <source>80 mm slip (receipt printer)</source>
        <translation>Giấy cuộn 80 mm (máy in hoá đơn)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/printer_dialog.py" line="37"/>
        <source>Printers and paper</source>
        <translation>Máy in và khổ giấy</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/printer_dialog.py" line="41"/>
        <source>The desk&apos;s printer</source>
        <translation>Máy in của quầy</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/printer_dialog.py" line="46"/>
        <source>(the system&apos;s default printer)</source>
        <translation>(máy in mặc định của hệ thống)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/printer_dialog.py" line="60"/>
        <source>System&apos;s default printer: {name}</source>
        <translation>Máy in mặc định của hệ thống: {name}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/printer_dialog.py" line="62"/>
        <source>This computer reports no printer; the forms can still be saved as PDF.</source>
        <translation>Máy tính này chưa có máy in nào; các mẫu vẫn có thể lưu thành tệp PDF.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/printer_dialog.py" line="65"/>
        <source>Paper of each form</source>
        <translation>Khổ giấy của từng mẫu</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/printer_dialog.py" line="82"/>
        <source>The forms are laid out for A5 by the circular; A4 prints them larger with the same text. Only the receipt fits an 80 mm slip.</source>
        <translation>Thông tư thiết kế các mẫu trên khổ A5; in khổ A4 thì chữ lớn hơn, nội dung giữ nguyên. Chỉ giấy tiếp nhận in được trên giấy cuộn 80 mm.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/printer_dialog.py" line="85"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/printer_dialog.py" line="106"/>
        <source>Saved: the next forms print this way.</source>
        <translation>Đã lưu: các mẫu in tiếp theo sẽ in như vậy.</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../counter_app/services/print_jobs/forms.py" line="113"/>
        <source>This dossier has no step that this form reports on yet.</source>
        <translation>Hồ sơ chưa có bước xử lý tương ứng với mẫu phiếu này.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/print_jobs/forms.py" line="276"/>
        <source>Print the ledger from the ledger screen.</source>
        <translation>Hãy in sổ theo dõi hồ sơ từ màn hình sổ theo dõi.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/print_jobs/jobs.py" line="189"/>
        <source>Printing failed ({detail}); check the printer and paper, then print again. Nothing was changed.</source>
        <translation>In không thành công ({detail}); hãy kiểm tra máy in và giấy rồi in lại. Hồ sơ chưa bị thay đổi.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/printable.py" line="35"/>
        <source>The character at position {position} cannot be printed with the forms&apos; font; retype it in Vietnamese or Latin letters.</source>
        <translation>Ký tự ở vị trí {position} không in được bằng phông chữ của mẫu phiếu; hãy gõ lại bằng chữ tiếng Việt hoặc chữ Latinh.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/print_jobs/settings.py" line="73"/>
        <source>Paper “{value}” is not known for this form; choose {allowed}.</source>
        <translation>Khổ giấy “{value}” không dùng được cho mẫu này; hãy chọn {allowed}.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/print_jobs/steps.py" line="28"/>
        <source>The dossier changed while its form was printing, so the step was not saved. Open the dossier again and take the step again.</source>
        <translation>Hồ sơ đã thay đổi trong lúc in mẫu nên bước này chưa được lưu. Hãy mở lại hồ sơ và thực hiện lại bước này.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/print_jobs/forms.py" line="132"/>
        <source>Dossier {code} waits for its supplement: the receipt with the appointment is given once the dossier is complete (Decree 118/2025 Art. 17(1)(c)). Print the supplement request (form 02) for the citizen instead.</source>
        <translation>Hồ sơ {code} đang chờ bổ sung: giấy tiếp nhận hồ sơ và hẹn trả kết quả chỉ được cấp khi hồ sơ đã đầy đủ (điểm c khoản 1 Điều 17 Nghị định 118/2025). Hãy in phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (mẫu 02) cho công dân.</translation>
    </message>
</context>
<context>
    <name>ProcedureForm</name>
    <message>
        <location filename="../../counter_app/ui/admin/procedure_form.py" line="68"/>
        <source>Procedure {code}</source>
        <translation>Thủ tục {code}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/procedure_form.py" line="79"/>
        <location filename="../../counter_app/ui/admin/procedure_form.py" line="81"/>
        <source>Code:</source>
        <translation>Mã:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/procedure_form.py" line="82"/>
        <source>Name:</source>
        <translation>Tên thủ tục:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/procedure_form.py" line="98"/>
        <source>working days</source>
        <translation>ngày làm việc</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/procedure_form.py" line="99"/>
        <source>working hours</source>
        <translation>giờ làm việc</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/procedure_form.py" line="100"/>
        <source>the same day</source>
        <translation>trong ngày</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/procedure_form.py" line="107"/>
        <source>Processing time:</source>
        <translation>Thời hạn giải quyết:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/procedure_form.py" line="114"/>
        <source>“4 on the spot”: received, appraised, approved and returned at once</source>
        <translation>“4 tại chỗ”: tiếp nhận, thẩm định, phê duyệt và trả kết quả ngay</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/procedure_form.py" line="123"/>
        <source>Fee:</source>
        <translation>Phí, lệ phí:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/procedure_form.py" line="130"/>
        <source>Amount:</source>
        <translation>Mức thu:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/procedure_form.py" line="139"/>
        <source>Save the procedure</source>
        <translation>Lưu thủ tục</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/procedure_form.py" line="154"/>
        <source>The amount of the province&apos;s fee table; 0 leaves it to be typed at each reception.</source>
        <translation>Mức thu theo biểu phí của tỉnh; để 0 thì nhập mức thu khi tiếp nhận từng hồ sơ.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/procedure_form.py" line="157"/>
        <source>Page tiers are set by the catalogue file; import it to change them.</source>
        <translation>Bậc giá theo trang lấy từ tệp danh mục; muốn đổi thì nhập lại tệp.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/procedure_form.py" line="46"/>
        <source>Commune level</source>
        <translation>Cấp xã</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/procedure_form.py" line="47"/>
        <source>Province level</source>
        <translation>Cấp tỉnh</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/procedure_form.py" line="66"/>
        <source>New procedure</source>
        <translation>Thêm thủ tục</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/procedure_form.py" line="77"/>
        <source>e.g. 1.001193</source>
        <translation>ví dụ 1.001193</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/procedure_form.py" line="87"/>
        <source>e.g. Hộ tịch</source>
        <translation>ví dụ Hộ tịch</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/procedure_form.py" line="88"/>
        <source>Field:</source>
        <translation>Lĩnh vực:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/procedure_form.py" line="91"/>
        <source>Level:</source>
        <translation>Cấp thực hiện:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/procedure_form.py" line="137"/>
        <source>Documents of the dossier:</source>
        <translation>Thành phần hồ sơ:</translation>
    </message>
</context>
<context>
    <name>ProcedurePicker</name>
    <message>
        <location filename="../../counter_app/ui/procedure_picker.py" line="48"/>
        <source>Type a procedure code or part of its name…</source>
        <translation>Gõ mã thủ tục hoặc một phần tên thủ tục…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/procedure_picker.py" line="64"/>
        <source>4 on the spot</source>
        <translation>4 tại chỗ</translation>
    </message>
</context>
<context>
    <name>ProceduresModel</name>
    <message>
        <location filename="../../counter_app/ui/admin/catalogue_model.py" line="47"/>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/catalogue_model.py" line="48"/>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/catalogue_model.py" line="49"/>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/catalogue_model.py" line="50"/>
        <source>Processing time</source>
        <translation>Thời hạn giải quyết</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/catalogue_model.py" line="51"/>
        <source>Fee</source>
        <translation>Phí, lệ phí</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/catalogue_model.py" line="52"/>
        <source>4 on the spot</source>
        <translation>4 tại chỗ</translation>
    </message>
</context>
<context>
    <name>ProvinceDaysModel</name>
    <message>
        <location filename="../../counter_app/ui/admin/calendar_dialog.py" line="49"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/calendar_dialog.py" line="49"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/calendar_dialog.py" line="49"/>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/calendar_dialog.py" line="59"/>
        <source>Make-up working day</source>
        <translation>Ngày làm bù</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/calendar_dialog.py" line="59"/>
        <source>Day off</source>
        <translation>Ngày nghỉ</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <location filename="../../counter_app/ui/receive_dialog.py" line="67"/>
        <source>Receive a dossier</source>
        <translation>Tiếp nhận hồ sơ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/receive_dialog.py" line="108"/>
        <source>Choose the procedure from the list.</source>
        <translation>Vui lòng chọn thủ tục trong danh sách.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/receive_dialog.py" line="122"/>
        <source>Pending dossier</source>
        <translation>Hồ sơ đang giải quyết</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/receive_dialog.py" line="124"/>
        <source>This citizen already has a pending dossier for the same procedure: {codes}.</source>
        <translation>Công dân này đã có hồ sơ cùng thủ tục đang được giải quyết: {codes}.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/receive_dialog.py" line="127"/>
        <source>Receive a new dossier anyway?</source>
        <translation>Vẫn tiếp nhận hồ sơ mới?</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/receive_dialog.py" line="141"/>
        <source>Incomplete dossier</source>
        <translation>Hồ sơ chưa đầy đủ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/receive_dialog.py" line="144"/>
        <source>These required documents were not handed in:</source>
        <translation>Các giấy tờ bắt buộc sau chưa được nộp:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/receive_dialog.py" line="147"/>
        <source>Receive the dossier and give the citizen a one-time request to supplement exactly these?</source>
        <translation>Tiếp nhận hồ sơ và lập phiếu yêu cầu bổ sung một lần đúng các giấy tờ này?</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/receive_dialog.py" line="187"/>
        <source>Print supplement request…</source>
        <translation>In phiếu yêu cầu bổ sung…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/receive_dialog.py" line="188"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/receive_dialog.py" line="217"/>
        <source>Dossier {code} is received. Print or save the supplement request (form 02) for the citizen: the request is recorded only then.</source>
        <translation>Hồ sơ {code} đã được tiếp nhận. Hãy in hoặc lưu phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (mẫu 02) để giao cho người nộp: yêu cầu bổ sung chỉ được ghi nhận sau khi in hoặc lưu xong.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/receive_dialog.py" line="249"/>
        <source>Dossier {code} is received, but the supplement request is not recorded yet: print it, or close and request it later from the dossier window.</source>
        <translation>Hồ sơ {code} đã được tiếp nhận nhưng chưa ghi nhận yêu cầu bổ sung: hãy in phiếu yêu cầu, hoặc đóng cửa sổ này và yêu cầu bổ sung sau trong cửa sổ hồ sơ.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/receive_dialog.py" line="270"/>
        <source>Close the reception form</source>
        <translation>Đóng phiếu tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/receive_dialog.py" line="271"/>
        <source>What was typed for this citizen will be lost. Close the form anyway?</source>
        <translation>Những gì đã nhập cho công dân này sẽ mất. Vẫn đóng phiếu?</translation>
    </message>
</context>
<context>
    <name>ReceiveForm</name>
    <message>
        <location filename="../../counter_app/ui/receive_form.py" line="91"/>
        <source>&amp;Procedure:</source>
        <translation>&amp;Thủ tục:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/receive_form.py" line="94"/>
        <source>4 on the spot</source>
        <translation>4 tại chỗ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/receive_form.py" line="101"/>
        <source>The citizen asks for a receipt</source>
        <translation>Công dân yêu cầu giấy tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/receive_form.py" line="105"/>
        <source>Digitise the papers right after</source>
        <translation>Số hóa giấy tờ ngay sau khi nhận</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/receive_form.py" line="141"/>
        <location filename="../../counter_app/ui/receive_form.py" line="346"/>
        <source>Receive</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/receive_form.py" line="178"/>
        <source>Documents handed in (tick each one received)</source>
        <translation>Thành phần hồ sơ (đánh dấu từng giấy tờ đã nhận)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/receive_form.py" line="184"/>
        <source>All required handed in</source>
        <translation>Đã nhận đủ giấy tờ bắt buộc</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/receive_form.py" line="214"/>
        <source>Fee and result</source>
        <translation>Phí, lệ phí và trả kết quả</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/receive_form.py" line="231"/>
        <source>Sets:</source>
        <translation>Số bộ:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/receive_form.py" line="232"/>
        <source>Pages:</source>
        <translation>Số trang:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/receive_form.py" line="233"/>
        <source>Copies:</source>
        <translation>Số bản:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/receive_form.py" line="247"/>
        <source>Postal address for the result</source>
        <translation>Địa chỉ nhận kết quả qua bưu điện</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/receive_form.py" line="250"/>
        <source>Result:</source>
        <translation>Nhận kết quả:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/receive_form.py" line="256"/>
        <source>Note:</source>
        <translation>Ghi chú:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/receive_form.py" line="282"/>
        <source>Choose the procedure first.</source>
        <translation>Vui lòng chọn thủ tục trước.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/receive_form.py" line="297"/>
        <source>Processing time: {time}. Appointment if received now: {appointment}.</source>
        <translation>Thời hạn giải quyết: {time}. Nếu tiếp nhận ngay, hẹn trả: {appointment}.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/document_checklist.py" line="24"/>
        <source>{form}, {quantity} set(s)</source>
        <translation>{form}, {quantity} bộ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/document_checklist.py" line="29"/>
        <source>(if any)</source>
        <translation>(nếu có)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/receive_form.py" line="340"/>
        <source>Not handed in yet: {documents}. The dossier will be received with a request to supplement them.</source>
        <translation>Chưa nộp: {documents}. Hồ sơ sẽ được tiếp nhận kèm phiếu yêu cầu bổ sung các giấy tờ này.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/receive_form.py" line="343"/>
        <source>Receive and request supplement</source>
        <translation>Tiếp nhận và yêu cầu bổ sung</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/receive_form.py" line="366"/>
        <source>Fee: to be entered</source>
        <translation>Phí, lệ phí: chưa nhập</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/receive_form.py" line="368"/>
        <source>Fee: {amount}</source>
        <translation>Phí, lệ phí: {amount}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/code_room_note.py" line="19"/>
        <source>Codes of {authority}: {left} number(s) left today, granted until {until}. Synchronise with the centre to get more; when none are left, dossiers take this unit&apos;s own code.</source>
        <translation>Mã hồ sơ của cơ quan {authority}: hôm nay còn {left} số, được cấp đến ngày {until}. Hãy đồng bộ với Trung tâm để được cấp thêm; khi hết số, hồ sơ sẽ mang mã của chính đơn vị tiếp nhận.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/receive_form.py" line="203"/>
        <source>The dossier lacks documents the procedure requires.</source>
        <translation>Hồ sơ còn thiếu thành phần hồ sơ bắt buộc của thủ tục.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/receive_form.py" line="205"/>
        <source>Reason for the supplement:</source>
        <translation>Lý do yêu cầu bổ sung:</translation>
    </message>
</context>
<context>
    <name>RejectedRowsModel</name>
    <message>
        <location filename="../../counter_app/ui/admin/import_report.py" line="33"/>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/import_report.py" line="33"/>
        <source>Column</source>
        <translation>Cột</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/import_report.py" line="33"/>
        <source>Why it was rejected</source>
        <translation>Lý do bị từ chối</translation>
    </message>
</context>
<context>
    <name>ReportCharts</name>
    <message>
        <location filename="../../counter_app/ui/report_charts.py" line="26"/>
        <source>Monthly trend</source>
        <translation>Diễn biến theo tháng</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/report_charts.py" line="27"/>
        <source>Received</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/report_charts.py" line="28"/>
        <source>Resolved</source>
        <translation>Đã giải quyết</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/report_charts.py" line="29"/>
        <source>Early or on time (%)</source>
        <translation>Đúng và trước hạn (%)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/report_charts.py" line="30"/>
        <source>Results of the period</source>
        <translation>Kết quả giải quyết trong kỳ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/report_charts.py" line="31"/>
        <source>Early</source>
        <translation>Trước hạn</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/report_charts.py" line="32"/>
        <source>On time</source>
        <translation>Đúng hạn</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/report_charts.py" line="33"/>
        <source>Late</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/report_charts.py" line="34"/>
        <source>Still being handled</source>
        <translation>Đang giải quyết</translation>
    </message>
</context>
<context>
    <name>ReportsDialog</name>
    <message>
        <location filename="../../counter_app/ui/reports_dialog.py" line="83"/>
        <source>Reports and statistics</source>
        <translation>Báo cáo, thống kê</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reports_dialog.py" line="93"/>
        <source>Whole counter</source>
        <translation>Toàn bộ quầy</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reports_dialog.py" line="95"/>
        <source>By procedure</source>
        <translation>Theo thủ tục</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reports_dialog.py" line="96"/>
        <source>By field</source>
        <translation>Theo lĩnh vực</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reports_dialog.py" line="97"/>
        <source>By level</source>
        <translation>Theo cấp</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reports_dialog.py" line="98"/>
        <source>By receiving official</source>
        <translation>Theo công chức tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reports_dialog.py" line="101"/>
        <source>Show</source>
        <translation>Xem</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reports_dialog.py" line="103"/>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reports_dialog.py" line="105"/>
        <source>to</source>
        <translation>đến ngày</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reports_dialog.py" line="113"/>
        <source>Figure</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reports_dialog.py" line="113"/>
        <source>Value</source>
        <translation>Số liệu</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reports_dialog.py" line="134"/>
        <source>Export to Excel</source>
        <translation>Xuất Excel</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reports_dialog.py" line="135"/>
        <source>Export to PDF</source>
        <translation>Xuất PDF</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reports_dialog.py" line="136"/>
        <source>Export to JSON</source>
        <translation>Xuất JSON</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reports_dialog.py" line="143"/>
        <source>Print the dossier ledger…</source>
        <translation>In sổ theo dõi hồ sơ…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reports_dialog.py" line="160"/>
        <location filename="../../counter_app/ui/reports_dialog.py" line="225"/>
        <source>The period ends before it starts.</source>
        <translation>Kỳ báo cáo kết thúc trước ngày bắt đầu.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reports_dialog.py" line="164"/>
        <source>Counting…</source>
        <translation>Đang tổng hợp…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reports_dialog.py" line="173"/>
        <source>Figures of {period}</source>
        <translation>Số liệu kỳ {period}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reports_dialog.py" line="190"/>
        <location filename="../../counter_app/ui/reports_dialog.py" line="194"/>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reports_dialog.py" line="196"/>
        <source>The report could not be made. Try again; if it keeps failing, call the IT staff (details are in the log file).</source>
        <translation>Không lập được báo cáo. Hãy thử lại; nếu vẫn lỗi, hãy gọi cán bộ kỹ thuật (chi tiết trong tệp nhật ký).</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reports_dialog.py" line="206"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Bảng tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reports_dialog.py" line="207"/>
        <source>PDF document (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reports_dialog.py" line="208"/>
        <source>JSON file (*.json)</source>
        <translation>Tệp JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reports_dialog.py" line="232"/>
        <source>Saved: {path}</source>
        <translation>Đã lưu: {path}</translation>
    </message>
</context>
<context>
    <name>ResultCopyRow</name>
    <message>
        <location filename="../../counter_app/ui/result_copy.py" line="96"/>
        <source>Choose the file…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/result_copy.py" line="99"/>
        <location filename="../../counter_app/ui/result_copy.py" line="220"/>
        <source>none (the result is returned on paper only)</source>
        <translation>chưa có (chỉ trả kết quả bản giấy)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/result_copy.py" line="106"/>
        <source>valid until</source>
        <translation>hiệu lực đến</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/result_copy.py" line="148"/>
        <location filename="../../counter_app/ui/result_copy.py" line="215"/>
        <location filename="../../counter_app/ui/result_copy.py" line="266"/>
        <source>The result&apos;s electronic copy</source>
        <translation>Bản điện tử của kết quả</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/result_copy.py" line="150"/>
        <source>PDF or scanned image (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</source>
        <translation>PDF hoặc ảnh quét (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/result_copy.py" line="67"/>
        <source>“{name}” cannot be read as a PDF or an image; choose the file the authority issued, or scan the signed result again.</source>
        <translation>Không đọc được “{name}” dưới dạng PDF hoặc ảnh; hãy chọn tệp do cơ quan có thẩm quyền ban hành, hoặc quét lại kết quả đã ký.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/result_copy.py" line="186"/>
        <source>{name}, {pages} page(s)</source>
        <translation>{name}, {pages} trang</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/result_copy.py" line="126"/>
        <source>The authority&apos;s signer signs the result</source>
        <translation>Người có thẩm quyền ký số kết quả</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/result_copy.py" line="131"/>
        <source>Remove the file</source>
        <translation>Bỏ tệp</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/result_copy.py" line="166"/>
        <location filename="../../counter_app/ui/result_copy.py" line="259"/>
        <source>Checking the file&apos;s digital signatures…</source>
        <translation>Đang kiểm tra chữ ký số của tệp…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/result_copy.py" line="285"/>
        <source>The result&apos;s file is still being checked or signed; wait a moment and confirm again.</source>
        <translation>Tệp kết quả đang được kiểm tra hoặc ký số; đợi một chút rồi xác nhận lại.</translation>
    </message>
</context>
<context>
    <name>ResultSigning</name>
    <message>
        <location filename="../../counter_app/services/result_signing.py" line="50"/>
        <source>“{name}” was changed after {signer} signed it: it is not the document the authority issued. Ask the authority for the file as issued, or scan the signed paper result instead.</source>
        <translation>“{name}” đã bị thay đổi sau khi {signer} ký: đây không phải văn bản cơ quan có thẩm quyền đã ban hành. Hãy xin lại tệp đúng như đã ban hành, hoặc quét bản giấy kết quả đã ký thay cho tệp này.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/result_signing.py" line="110"/>
        <source>Dossier {code} is not held here.</source>
        <translation>Hồ sơ {code} không có tại quầy này.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/result_signing.py" line="76"/>
        <source>No digital signature in this file (it may be a scan of the signed paper): check it against the paper result.</source>
        <translation>Tệp không có chữ ký số (có thể là bản quét của giấy đã ký): hãy đối chiếu với kết quả bản giấy.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/result_signing.py" line="91"/>
        <source>Signed by {signer} ({when}): {content}; {trust}</source>
        <translation>Ký bởi {signer} ({when}): {content}; {trust}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/result_signing.py" line="104"/>
        <source>Nothing was signed: the signer&apos;s PIN or certificate was not given.</source>
        <translation>Chưa ký gì: người ký chưa nhập mã PIN hoặc chưa chọn chứng thư số.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/result_signing.py" line="227"/>
        <source>The authority&apos;s signer types the PIN of their own token. It is used for this signing only and forgotten at once.</source>
        <translation>Người có thẩm quyền nhập mã PIN token của chính mình. Mã PIN chỉ dùng cho lần ký này và được xoá ngay sau đó.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/result_signing.py" line="233"/>
        <source>The signer&apos;s token PIN</source>
        <translation>Mã PIN token của người ký</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/result_signing.py" line="252"/>
        <source>The signer chooses their own certificate; the result is signed with it now. An expired certificate cannot be chosen.</source>
        <translation>Người ký chọn chứng thư số của mình; kết quả được ký ngay bằng chứng thư này. Không chọn được chứng thư đã hết hạn.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/result_signing.py" line="285"/>
        <source>The result could not be signed; details are in the log file.</source>
        <translation>Không ký được kết quả; chi tiết có trong tệp nhật ký.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/result_signing.py" line="79"/>
        <source>The certificate of {holder} was revoked by its CA on {day}; the result was not signed. Sign with a valid certificate.</source>
        <translation>Chứng thư số của {holder} đã bị tổ chức cung cấp dịch vụ chứng thực thu hồi ngày {day}; kết quả chưa được ký. Hãy ký bằng chứng thư số còn hiệu lực.</translation>
    </message>
</context>
<context>
    <name>ReturnForm</name>
    <message>
        <location filename="../../counter_app/ui/return_form.py" line="106"/>
        <source>The applicant</source>
        <translation>Người nộp hồ sơ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/return_form.py" line="107"/>
        <source>An authorised person</source>
        <translation>Người được ủy quyền</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/return_form.py" line="108"/>
        <source>Collected by:</source>
        <translation>Người nhận kết quả:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/return_form.py" line="118"/>
        <source>Authorised person&apos;s name:</source>
        <translation>Họ tên người được ủy quyền:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/return_form.py" line="119"/>
        <source>Their CCCD number:</source>
        <translation>Số CCCD của người được ủy quyền:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/return_form.py" line="124"/>
        <source>At the desk</source>
        <translation>Tại Bộ phận một cửa</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/return_form.py" line="125"/>
        <source>By post</source>
        <translation>Qua dịch vụ bưu chính</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/return_form.py" line="130"/>
        <source>Returned:</source>
        <translation>Hình thức trả:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/return_form.py" line="131"/>
        <source>Postal tracking number:</source>
        <translation>Mã bưu gửi:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/return_form.py" line="134"/>
        <source>The citizen&apos;s evaluation</source>
        <translation>Đánh giá của công dân</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/return_form.py" line="160"/>
        <source>Not answered</source>
        <translation>Không trả lời</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/return_form.py" line="175"/>
        <source>Other comments (i):</source>
        <translation>Ý kiến khác (i):</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/return_form.py" line="179"/>
        <source>List version {version}: {source}. Scored by the system: {computed}.</source>
        <translation>Danh mục phiên bản {version}: {source}. Hệ thống tự chấm: {computed}.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/return_form.py" line="136"/>
        <source>Ask the citizen on the second screen</source>
        <translation>Mời người dân đánh giá trên màn hình thứ hai</translation>
    </message>
</context>
<context>
    <name>Returns</name>
    <message>
        <location filename="../../counter_app/domain/returns.py" line="49"/>
        <source>Very satisfied</source>
        <translation>Rất hài lòng</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/returns.py" line="50"/>
        <source>Satisfied</source>
        <translation>Hài lòng</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/returns.py" line="51"/>
        <source>Dissatisfied</source>
        <translation>Không hài lòng</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/returns.py" line="163"/>
        <source>Enter the postal tracking number: 6 to 30 letters and digits, as on the postal receipt (for example EF123456789VN).</source>
        <translation>Nhập mã bưu gửi: từ 6 đến 30 chữ cái và chữ số, như trên biên nhận của bưu điện (ví dụ EF123456789VN).</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/returns.py" line="171"/>
        <source>A result sent by post is not rated at the desk; clear the rating.</source>
        <translation>Kết quả gửi qua bưu chính không được đánh giá tại quầy; hãy bỏ chọn mức đánh giá.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/returns.py" line="179"/>
        <source>Criteria {ids} are not in list version {version}; choose from the list shown.</source>
        <translation>Tiêu chí {ids} không có trong danh mục phiên bản {version}; hãy chọn trong danh mục đang hiển thị.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/evaluation.py" line="188"/>
        <source>Answers {ids} are not questions of list version {version} scored 0, 1 or 2; choose from the list shown.</source>
        <translation>Câu trả lời {ids} không phải câu hỏi của danh mục phiên bản {version} với điểm 0, 1 hoặc 2; hãy chọn trong danh sách đang hiển thị.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/evaluation.py" line="200"/>
        <source>Shorten the comment to {n} characters.</source>
        <translation>Rút gọn ý kiến còn tối đa {n} ký tự.</translation>
    </message>
</context>
<context>
    <name>ReuseDialog</name>
    <message>
        <location filename="../../counter_app/ui/reuse_papers.py" line="73"/>
        <source>Papers already digitised</source>
        <translation>Giấy tờ đã số hóa</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reuse_papers.py" line="77"/>
        <source>These papers of the citizen are held in digitised form. Tick those you take into this dossier instead of asking for them again (Decree 118/2025, Article 17(1)(b)); the paper itself need not be handed in.</source>
        <translation>Các giấy tờ sau của công dân đã được số hóa. Đánh dấu giấy tờ dùng lại cho hồ sơ này thay vì yêu cầu nộp lại (Nghị định 118/2025, Điều 17 khoản 1 điểm b); công dân không phải nộp bản giấy.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reuse_papers.py" line="92"/>
        <source>&lt;b&gt;Paper held&lt;/b&gt;</source>
        <translation>&lt;b&gt;Giấy tờ đã số hóa&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reuse_papers.py" line="92"/>
        <source>&lt;b&gt;Validity&lt;/b&gt;</source>
        <translation>&lt;b&gt;Hiệu lực&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reuse_papers.py" line="93"/>
        <source>&lt;b&gt;For the document&lt;/b&gt;</source>
        <translation>&lt;b&gt;Dùng cho giấy tờ&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reuse_papers.py" line="122"/>
        <source>Take</source>
        <translation>Dùng lại</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reuse_papers.py" line="127"/>
        <source>dossier {code}</source>
        <translation>hồ sơ {code}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reuse_papers.py" line="129"/>
        <source>dossier {code}, another counter (from the centre)</source>
        <translation>hồ sơ {code}, quầy khác (từ Trung tâm)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reuse_papers.py" line="137"/>
        <source>valid without limit</source>
        <translation>không thời hạn</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reuse_papers.py" line="139"/>
        <source>valid until {date}</source>
        <translation>còn hiệu lực đến {date}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reuse_papers.py" line="140"/>
        <source>expired on {date}</source>
        <translation>hết hạn ngày {date}</translation>
    </message>
</context>
<context>
    <name>ReusePanel</name>
    <message>
        <location filename="../../counter_app/ui/reuse_papers.py" line="232"/>
        <source>Fetching the papers&apos; files from the centre…</source>
        <translation>Đang tải tệp giấy tờ từ Trung tâm…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reuse_papers.py" line="249"/>
        <source>Papers already digitised</source>
        <translation>Giấy tờ đã số hóa</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reuse_papers.py" line="251"/>
        <source>The files could not be fetched from the centre, so the papers were not taken: {detail}. Ask for the papers or scan them.</source>
        <translation>Không tải được tệp từ Trung tâm nên chưa dùng lại được giấy tờ: {detail}. Hãy đề nghị công dân nộp giấy tờ hoặc quét giấy tờ.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reuse_papers.py" line="273"/>
        <source>Papers already digitised ({count})…</source>
        <translation>Giấy tờ đã số hóa ({count})…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/reuse_papers.py" line="278"/>
        <source>Taken from digitised papers: {names}</source>
        <translation>Dùng lại giấy tờ đã số hóa: {names}</translation>
    </message>
</context>
<context>
    <name>RolesDialog</name>
    <message>
        <location filename="../../counter_app/ui/admin/official_forms.py" line="113"/>
        <source>Roles of {name}</source>
        <translation>Vai trò của {name}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/official_forms.py" line="116"/>
        <source>Official:</source>
        <translation>Cán bộ:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/official_forms.py" line="117"/>
        <source>Roles:</source>
        <translation>Vai trò:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/official_forms.py" line="118"/>
        <source>Save the roles</source>
        <translation>Lưu vai trò</translation>
    </message>
</context>
<context>
    <name>ScannerPanel</name>
    <message>
        <location filename="../../counter_app/ui/paper_sources.py" line="49"/>
        <source>Look for scanners</source>
        <translation>Tìm máy quét</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_sources.py" line="54"/>
        <source>Scanner:</source>
        <translation>Máy quét:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_sources.py" line="57"/>
        <source>Source:</source>
        <translation>Nguồn quét:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_sources.py" line="60"/>
        <source>Colour:</source>
        <translation>Màu:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_sources.py" line="63"/>
        <source>Resolution:</source>
        <translation>Độ phân giải:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_sources.py" line="64"/>
        <source>S&amp;can</source>
        <translation>&amp;Quét</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_sources.py" line="79"/>
        <source>Looking for scanners…</source>
        <translation>Đang tìm máy quét…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/paper_sources.py" line="84"/>
        <source>No scanner found. Check that it is on and connected, or use the scan folder or a file.</source>
        <translation>Không tìm thấy máy quét. Kiểm tra máy đã bật và được kết nối, hoặc dùng thư mục quét hay tệp.</translation>
    </message>
</context>
<context>
    <name>Scanning</name>
    <message>
        <location filename="../../counter_app/scanning/imports.py" line="82"/>
        <source>The file {name} is empty.</source>
        <translation>Tệp {name} không có nội dung.</translation>
    </message>
    <message>
        <location filename="../../counter_app/scanning/imports.py" line="87"/>
        <source>The file {name} cannot be read (damaged, protected or not finished); choose another file or scan the paper.</source>
        <translation>Không đọc được tệp {name} (bị hỏng, có mật khẩu hoặc chưa ghi xong); chọn tệp khác hoặc quét giấy tờ.</translation>
    </message>
    <message>
        <location filename="../../counter_app/scanning/imports.py" line="102"/>
        <source>The file {name} is not a PDF, JPEG, PNG or TIFF; choose another file.</source>
        <translation>Tệp {name} không phải PDF, JPEG, PNG hay TIFF; chọn tệp khác.</translation>
    </message>
    <message>
        <location filename="../../counter_app/scanning/imports.py" line="124"/>
        <source>The file {name} cannot be opened; check that it is still there.</source>
        <translation>Không mở được tệp {name}; kiểm tra tệp vẫn còn ở đó.</translation>
    </message>
    <message>
        <location filename="../../counter_app/scanning/imports.py" line="134"/>
        <source>The file {name} is larger than 200 MB; scan the paper instead.</source>
        <translation>Tệp {name} lớn hơn 200 MB; hãy quét giấy tờ thay cho tệp này.</translation>
    </message>
    <message>
        <location filename="../../counter_app/scanning/sane_devices.py" line="83"/>
        <source>Scanning is not installed on this computer (SANE); ask IT to install it.</source>
        <translation>Máy tính này chưa cài phần quét giấy tờ (SANE); đề nghị bộ phận CNTT cài đặt.</translation>
    </message>
    <message>
        <location filename="../../counter_app/scanning/sane_devices.py" line="108"/>
        <source>The scanner {name} cannot be opened ({reason}); check that it is on and connected, then choose it again.</source>
        <translation>Không mở được máy quét {name} ({reason}); kiểm tra máy quét đã bật và được kết nối, rồi chọn lại.</translation>
    </message>
    <message>
        <location filename="../../counter_app/scanning/sane_source.py" line="70"/>
        <source>The scanner does not accept {option} = {value} ({reason}).</source>
        <translation>Máy quét không nhận thiết lập {option} = {value} ({reason}).</translation>
    </message>
    <message>
        <location filename="../../counter_app/scanning/sane_source.py" line="115"/>
        <location filename="../../counter_app/scanning/sane_source.py" line="126"/>
        <source>The scanner stopped: {reason}. Check the paper and scan again.</source>
        <translation>Máy quét đã dừng: {reason}. Kiểm tra giấy rồi quét lại.</translation>
    </message>
    <message>
        <location filename="../../counter_app/scanning/sane_source.py" line="180"/>
        <source>This scanner has no {source}; choose another source.</source>
        <translation>Máy quét này không có {source}; chọn nguồn quét khác.</translation>
    </message>
    <message>
        <location filename="../../counter_app/scanning/sane_source.py" line="205"/>
        <source>The feeder is empty: put the papers in the feeder and scan again.</source>
        <translation>Khay nạp giấy đang trống: đặt giấy tờ vào khay rồi quét lại.</translation>
    </message>
    <message>
        <location filename="../../counter_app/scanning/sane_source.py" line="234"/>
        <source>The feeder gave {backs} backs for {fronts} fronts; put the whole stack back, turned over, and scan again.</source>
        <translation>Khay nạp giấy cho {backs} mặt sau cho {fronts} mặt trước; đặt lại cả tập giấy, đã lật mặt, rồi quét lại.</translation>
    </message>
    <message>
        <location filename="../../counter_app/scanning/sane_devices.py" line="193"/>
        <source>flatbed</source>
        <translation>mặt kính</translation>
    </message>
    <message>
        <location filename="../../counter_app/scanning/sane_devices.py" line="194"/>
        <source>document feeder</source>
        <translation>khay nạp giấy tự động</translation>
    </message>
    <message>
        <location filename="../../counter_app/scanning/sane_devices.py" line="196"/>
        <source>document feeder, both sides</source>
        <translation>khay nạp giấy tự động, quét hai mặt</translation>
    </message>
    <message>
        <location filename="../../counter_app/scanning/sane_devices.py" line="203"/>
        <source>colour</source>
        <translation>màu</translation>
    </message>
    <message>
        <location filename="../../counter_app/scanning/sane_devices.py" line="204"/>
        <source>greyscale</source>
        <translation>thang xám</translation>
    </message>
    <message>
        <location filename="../../counter_app/scanning/sane_devices.py" line="205"/>
        <source>black and white</source>
        <translation>đen trắng</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/desk_settings.py" line="63"/>
        <source>The folder {path} does not exist or cannot be opened; choose the folder the printer scans into.</source>
        <translation>Thư mục {path} không tồn tại hoặc không mở được; chọn thư mục mà máy in quét vào.</translation>
    </message>
</context>
<context>
    <name>ServiceForm</name>
    <message>
        <location filename="../../counter_app/ui/admin/service_form.py" line="28"/>
        <source>The change could not be saved. Try again; if it keeps failing, call the IT staff (details are in the log file).</source>
        <translation>Chưa lưu được thay đổi. Hãy thử lại; nếu vẫn không được, hãy gọi cán bộ CNTT (chi tiết trong tệp nhật ký).</translation>
    </message>
</context>
<context>
    <name>Services</name>
    <message>
        <location filename="../../counter_app/services/context.py" line="110"/>
        <source>This counter is not set up yet; run “counter-app setup” or ask the IT staff to set it up.</source>
        <translation>Quầy chưa được thiết lập; hãy chạy “counter-app setup” hoặc đề nghị cán bộ kỹ thuật thiết lập.</translation>
    </message>
</context>
<context>
    <name>Setup</name>
    <message>
        <location filename="../../counter_app/services/setup.py" line="102"/>
        <source>Enter the agency name and the counter name.</source>
        <translation>Hãy nhập tên cơ quan và tên quầy.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/setup.py" line="146"/>
        <source>This counter is already set up; its identity cannot change.</source>
        <translation>Quầy đã được thiết lập; không thể thay đổi thông tin định danh của quầy.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/setup.py" line="184"/>
        <source>Enter the name of the one-stop unit as the forms must print it, e.g. “Trung tâm Phục vụ hành chính công xã Hoàng Văn Thụ”.</source>
        <translation>Nhập tên bộ phận một cửa đúng như phải in trên biểu mẫu, ví dụ “Trung tâm Phục vụ hành chính công xã Hoàng Văn Thụ”.</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../counter_app/ui/setup_dialog.py" line="40"/>
        <source>Set up this counter</source>
        <translation>Thiết lập quầy</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/setup_dialog.py" line="45"/>
        <source>This computer is not set up as a counter yet. Type the agency&apos;s details as in the national catalogue; they are printed on every receipt and cannot be changed later.</source>
        <translation>Máy này chưa được thiết lập làm quầy một cửa. Nhập thông tin cơ quan đúng như trong Cơ sở dữ liệu quốc gia; các thông tin này được in trên mọi phiếu hẹn và không thể sửa sau này.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/setup_dialog.py" line="52"/>
        <source>Agency and counter</source>
        <translation>Cơ quan và quầy</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/setup_dialog.py" line="57"/>
        <source>e.g. UBND xã Hoàng Văn Thụ</source>
        <translation>ví dụ: UBND xã Hoàng Văn Thụ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/setup_dialog.py" line="60"/>
        <source>e.g. Trung tâm Phục vụ hành chính công xã Hoàng Văn Thụ</source>
        <translation>ví dụ: Trung tâm Phục vụ hành chính công xã Hoàng Văn Thụ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/setup_dialog.py" line="62"/>
        <source>The one-stop unit, as the printed forms name it.</source>
        <translation>Bộ phận một cửa, đúng như tên in trên biểu mẫu.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/setup_dialog.py" line="64"/>
        <source>e.g. UBND TỈNH LẠNG SƠN</source>
        <translation>ví dụ: UBND TỈNH LẠNG SƠN</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/setup_dialog.py" line="67"/>
        <source>e.g. Quầy số 1</source>
        <translation>ví dụ: Quầy số 1</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/setup_dialog.py" line="72"/>
        <source>Each counter of the same agency needs its own slot (0–9), so dossier numbers never collide when they work offline.</source>
        <translation>Mỗi quầy của cùng một cơ quan cần một khối số riêng (0–9) để mã hồ sơ không bị trùng khi làm việc không có mạng.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/setup_dialog.py" line="75"/>
        <source>Agency identifier:</source>
        <translation>Mã định danh cơ quan:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/setup_dialog.py" line="76"/>
        <source>Agency name:</source>
        <translation>Tên cơ quan:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/setup_dialog.py" line="77"/>
        <source>One-stop unit:</source>
        <translation>Bộ phận một cửa:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/setup_dialog.py" line="78"/>
        <source>Superior agency:</source>
        <translation>Cơ quan cấp trên:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/setup_dialog.py" line="79"/>
        <source>Place (for dates on forms):</source>
        <translation>Địa danh (ghi ngày tháng trên biểu mẫu):</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/setup_dialog.py" line="80"/>
        <source>Counter name:</source>
        <translation>Tên quầy:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/setup_dialog.py" line="81"/>
        <source>Code slot:</source>
        <translation>Khối số mã hồ sơ:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/setup_dialog.py" line="86"/>
        <source>First administrator</source>
        <translation>Quản trị viên đầu tiên</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/setup_dialog.py" line="94"/>
        <source>User name:</source>
        <translation>Tên đăng nhập:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/setup_dialog.py" line="95"/>
        <source>Full name:</source>
        <translation>Họ và tên:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/setup_dialog.py" line="96"/>
        <source>Password:</source>
        <translation>Mật khẩu:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/setup_dialog.py" line="97"/>
        <source>Repeat password:</source>
        <translation>Nhập lại mật khẩu:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/setup_dialog.py" line="108"/>
        <source>Roles:</source>
        <translation>Vai trò:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/setup_dialog.py" line="112"/>
        <source>Load the sample catalogue of commune procedures</source>
        <translation>Nạp danh mục mẫu các thủ tục cấp xã</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/setup_dialog.py" line="119"/>
        <source>Set up</source>
        <translation>Thiết lập</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/setup_dialog.py" line="146"/>
        <source>The two passwords differ; type them again.</source>
        <translation>Hai mật khẩu không giống nhau; vui lòng nhập lại.</translation>
    </message>
</context>
<context>
    <name>SignatureCheckDialog</name>
    <message>
        <location filename="../../counter_app/ui/signature_check.py" line="125"/>
        <source>Signatures of “{name}”</source>
        <translation>Chữ ký số của “{name}”</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/signature_check.py" line="128"/>
        <source>Checking the signatures…</source>
        <translation>Đang kiểm tra chữ ký…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/signature_check.py" line="138"/>
        <source>Signed by</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/signature_check.py" line="139"/>
        <source>Signed at</source>
        <translation>Thời điểm ký</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/signature_check.py" line="140"/>
        <source>Certificate chain</source>
        <translation>Chuỗi chứng thư</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/signature_check.py" line="141"/>
        <source>Content</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/signature_check.py" line="142"/>
        <source>Trust</source>
        <translation>Tin cậy</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/signature_check.py" line="143"/>
        <source>Revocation</source>
        <translation>Thu hồi</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/signature_check.py" line="154"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/signature_check.py" line="167"/>
        <source>This copy carries no digital signature.</source>
        <translation>Bản điện tử này không có chữ ký số.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/signature_check.py" line="171"/>
        <source>The file was changed after it was signed: do not rely on it.</source>
        <translation>Tệp đã bị thay đổi sau khi ký: không được dựa vào bản này.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/signature_check.py" line="173"/>
        <source>{count} signatures; the file is as it was signed.</source>
        <translation>{count} chữ ký; tệp còn nguyên như khi ký.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/signature_check.py" line="180"/>
        <source>Signature {n}</source>
        <translation>Chữ ký {n}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/signature_check.py" line="84"/>
        <source>changed since signing (the signed content does not match)</source>
        <translation>đã bị thay đổi sau khi ký (nội dung đã ký không còn khớp)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/signature_check.py" line="88"/>
        <source>changed since signing</source>
        <translation>đã bị thay đổi sau khi ký</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/signature_check.py" line="90"/>
        <source>intact since signing</source>
        <translation>nguyên vẹn từ khi ký</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/signature_check.py" line="92"/>
        <source>trusted (chains to an installed root)</source>
        <translation>tin cậy (dẫn tới chứng thư gốc đã cài)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/signature_check.py" line="94"/>
        <source>not trusted: no installed root vouches for it</source>
        <translation>chưa tin cậy: không có chứng thư gốc đã cài nào xác nhận</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/signature_check.py" line="109"/>
        <source>not known</source>
        <translation>chưa rõ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/signature_check.py" line="196"/>
        <source>The copy&apos;s file is not on this computer; check the desk.</source>
        <translation>Tệp của bản điện tử không có trên máy này; hãy kiểm tra máy của quầy.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/signature_check.py" line="200"/>
        <source>The signatures could not be checked; details are in the log file.</source>
        <translation>Không kiểm tra được chữ ký; chi tiết ghi trong tệp nhật ký.</translation>
    </message>
</context>
<context>
    <name>SignatureLtv</name>
    <message>
        <location filename="../../counter_app/signing/ltv.py" line="121"/>
        <source>Extended: timestamped at {when}, with the revocation data embedded (PAdES B-LT).</source>
        <translation>Đã gia hạn: gắn dấu thời gian lúc {when}, kèm dữ liệu kiểm tra thu hồi (PAdES B-LT).</translation>
    </message>
    <message>
        <location filename="../../counter_app/signing/ltv.py" line="125"/>
        <source>Already extended (PAdES B-LT).</source>
        <translation>Đã gia hạn từ trước (PAdES B-LT).</translation>
    </message>
    <message>
        <location filename="../../counter_app/signing/ltv.py" line="126"/>
        <source>Not extended yet: the timestamp server or the revocation sources cannot be reached. It will be retried when the connection returns.</source>
        <translation>Chưa gia hạn: không kết nối được máy chủ dấu thời gian hoặc nguồn kiểm tra thu hồi chứng thư số. Phần mềm sẽ tự thử lại khi có kết nối.</translation>
    </message>
    <message>
        <location filename="../../counter_app/signing/ltv.py" line="131"/>
        <source>The signer&apos;s certificate was revoked on {day}; the signature cannot be extended.</source>
        <translation>Chứng thư số của người ký đã bị thu hồi ngày {day}; không thể gia hạn chữ ký.</translation>
    </message>
    <message>
        <location filename="../../counter_app/signing/ltv.py" line="135"/>
        <source>The signer&apos;s certificate expired on {day}; the signature cannot be extended.</source>
        <translation>Chứng thư số của người ký đã hết hạn ngày {day}; không thể gia hạn chữ ký.</translation>
    </message>
    <message>
        <location filename="../../counter_app/signing/ltv.py" line="139"/>
        <source>The signer&apos;s certificate does not lead to an installed root certificate; the signature cannot be extended.</source>
        <translation>Chứng thư số của người ký không thuộc chuỗi của chứng thư gốc nào đã cài đặt trên máy; không thể gia hạn chữ ký.</translation>
    </message>
    <message>
        <location filename="../../counter_app/signing/ltv.py" line="144"/>
        <source>The file carries no signature to extend.</source>
        <translation>Tệp không có chữ ký số nào để gia hạn.</translation>
    </message>
    <message>
        <location filename="../../counter_app/signing/ltv.py" line="317"/>
        <source>Certificate not revoked.</source>
        <translation>Chứng thư số chưa bị thu hồi.</translation>
    </message>
    <message>
        <location filename="../../counter_app/signing/ltv.py" line="318"/>
        <source>Certificate revoked on {day}.</source>
        <translation>Chứng thư số đã bị thu hồi ngày {day}.</translation>
    </message>
    <message>
        <location filename="../../counter_app/signing/ltv.py" line="319"/>
        <source>Revocation status unknown: no connection and no revocation data in the file.</source>
        <translation>Chưa rõ tình trạng thu hồi: không có kết nối và tệp không kèm dữ liệu kiểm tra thu hồi.</translation>
    </message>
</context>
<context>
    <name>Signing</name>
    <message>
        <location filename="../../counter_app/services/signatures.py" line="194"/>
        <source>Three wrong PINs in a row: the desk stops trying so the token does not lock itself. Check the PIN (the CA&apos;s token tool shows the tries left); locking the window and signing in again allows three more tries.</source>
        <translation>Đã nhập sai mã PIN ba lần liên tiếp: phần mềm dừng thử để token không tự khóa. Hãy kiểm tra lại mã PIN (công cụ token của tổ chức chứng thực cho biết số lần thử còn lại); khóa màn hình rồi đăng nhập lại sẽ được thử thêm ba lần.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/signatures.py" line="221"/>
        <source>The chosen certificate is not on this token; choose another one.</source>
        <translation>Chứng thư đã chọn không có trên token này; hãy chọn chứng thư khác.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/signatures.py" line="231"/>
        <source>Choose the certificate to sign with.</source>
        <translation>Hãy chọn chứng thư số dùng để ký.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/signatures.py" line="257"/>
        <source>Type the token&apos;s PIN to sign.</source>
        <translation>Hãy nhập mã PIN của token để ký.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/signatures.py" line="290"/>
        <source>This electronic copy is not held here.</source>
        <translation>Bản điện tử này không được lưu tại quầy này.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/signatures.py" line="293"/>
        <source>This copy was signed already by {name}.</source>
        <translation>Bản điện tử này đã được {name} ký số.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/signatures.py" line="298"/>
        <source>This copy has reached the centre unsigned and stays as it is there; make a new copy and sign it when it is made.</source>
        <translation>Bản điện tử này đã được gửi lên trung tâm khi chưa ký và được giữ nguyên ở đó; hãy số hóa lại giấy tờ và ký ngay khi tạo bản mới.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/signatures.py" line="338"/>
        <source>The copy changed while it was being signed; sign again.</source>
        <translation>Bản điện tử đã thay đổi trong lúc ký; hãy ký lại.</translation>
    </message>
    <message>
        <location filename="../../counter_app/signing/sign.py" line="58"/>
        <source>The certificate of {holder} is valid only from {start}; nothing was signed. Check the computer&apos;s date or use another certificate.</source>
        <translation>Chứng thư số của {holder} chỉ có hiệu lực từ ngày {start}; chưa ký gì. Hãy kiểm tra ngày giờ của máy tính hoặc dùng chứng thư khác.</translation>
    </message>
    <message>
        <location filename="../../counter_app/signing/sign.py" line="68"/>
        <source>The certificate of {holder} expired on {end}; nothing was signed. Renew it with the CA or use another certificate.</source>
        <translation>Chứng thư số của {holder} đã hết hạn ngày {end}; chưa ký gì. Hãy gia hạn với tổ chức chứng thực hoặc dùng chứng thư khác.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/signatures.py" line="126"/>
        <source>The timestamp server address must be a web address such as http://tsa.example.vn/tsa; copy it as your CA publishes it.</source>
        <translation>Địa chỉ máy chủ cấp dấu thời gian phải là một địa chỉ web, ví dụ http://tsa.example.vn/tsa; hãy chép đúng như tổ chức chứng thực công bố.</translation>
    </message>
    <message>
        <location filename="../../counter_app/signing/token.py" line="64"/>
        <source>No token driver is configured; set the path of the PKCS#11 module your CA installed (see the CA&apos;s installer) in the desk settings.</source>
        <translation>Chưa cấu hình trình điều khiển token; hãy đặt đường dẫn tới thư viện PKCS#11 mà tổ chức chứng thực đã cài (xem bộ cài của tổ chức chứng thực) trong phần cài đặt của quầy.</translation>
    </message>
    <message>
        <location filename="../../counter_app/signing/token.py" line="77"/>
        <source>The token driver {path} was not found; install the CA&apos;s token software or correct the path in the desk settings.</source>
        <translation>Không tìm thấy trình điều khiển token {path}; hãy cài phần mềm token của tổ chức chứng thực hoặc sửa đường dẫn trong phần cài đặt của quầy.</translation>
    </message>
    <message>
        <location filename="../../counter_app/signing/token.py" line="95"/>
        <source>The token driver {path} could not be loaded; it may be for another system (32/64-bit); reinstall the CA&apos;s token software.</source>
        <translation>Không nạp được trình điều khiển token {path}; có thể nó dành cho hệ thống khác (32/64-bit); hãy cài lại phần mềm token của tổ chức chứng thực.</translation>
    </message>
    <message>
        <location filename="../../counter_app/signing/token.py" line="108"/>
        <source>The token was removed or stopped answering; nothing was signed. Plug the token in again and sign once more.</source>
        <translation>Token đã bị rút ra hoặc không phản hồi; chưa ký gì. Hãy cắm lại token và ký lại.</translation>
    </message>
    <message>
        <location filename="../../counter_app/signing/token.py" line="213"/>
        <source>The token says its PIN is locked after too many wrong PINs. It cannot sign until it is unblocked with its SO PIN: bring it to your IT staff or the CA that issued it.</source>
        <translation>Token báo mã PIN đã bị khóa do nhập sai quá nhiều lần. Token không ký được cho đến khi được mở khóa bằng mã SO PIN: hãy mang token đến cán bộ công nghệ thông tin hoặc tổ chức chứng thực đã cấp.</translation>
    </message>
    <message>
        <location filename="../../counter_app/signing/token.py" line="227"/>
        <source>Wrong PIN. The token says one try is left before it locks itself; check the PIN before trying again.</source>
        <translation>Sai mã PIN. Token báo chỉ còn một lần thử trước khi tự khóa; hãy kiểm tra mã PIN trước khi thử lại.</translation>
    </message>
    <message>
        <location filename="../../counter_app/signing/token.py" line="245"/>
        <source>Wrong PIN; the token did not open. Type the token&apos;s PIN again (the token locks itself after a few wrong PINs).</source>
        <translation>Sai mã PIN; token chưa mở. Hãy nhập lại mã PIN của token (token tự khóa sau vài lần nhập sai).</translation>
    </message>
    <message>
        <location filename="../../counter_app/signing/token.py" line="280"/>
        <source>Several tokens are plugged in; choose the one to sign with.</source>
        <translation>Đang cắm nhiều token; hãy chọn token dùng để ký.</translation>
    </message>
    <message>
        <location filename="../../counter_app/signing/token.py" line="295"/>
        <source>The token is open already in another window of this desk; lock that window first, then sign here.</source>
        <translation>Token đang được mở ở một cửa sổ khác của quầy; hãy khóa cửa sổ đó trước rồi ký tại đây.</translation>
    </message>
    <message>
        <location filename="../../counter_app/signing/token.py" line="380"/>
        <location filename="../../counter_app/ui/result_signing.py" line="191"/>
        <location filename="../../counter_app/ui/window_signing.py" line="117"/>
        <source>No token is plugged in; plug in your signing token.</source>
        <translation>Chưa cắm token; hãy cắm token ký số của bạn.</translation>
    </message>
    <message>
        <location filename="../../counter_app/signing/verify.py" line="91"/>
        <source>The file is not a PDF that can be read; its signatures cannot be checked.</source>
        <translation>Tệp không phải PDF đọc được; không kiểm tra được chữ ký của tệp.</translation>
    </message>
    <message>
        <location filename="../../counter_app/signing/token.py" line="237"/>
        <source>Wrong PIN. The token says few tries are left before it locks itself; check the PIN before trying again.</source>
        <translation>Sai mã PIN. Token báo chỉ còn ít lần thử trước khi tự khóa; hãy kiểm tra mã PIN trước khi thử lại.</translation>
    </message>
    <message>
        <location filename="../../counter_app/signing/sign.py" line="204"/>
        <source>The file is not a PDF that can be read (damaged or protected); nothing was signed.</source>
        <translation>Tệp không phải PDF đọc được (bị hỏng hoặc được bảo vệ); chưa ký gì.</translation>
    </message>
</context>
<context>
    <name>SigningAdminDialog</name>
    <message>
        <location filename="../../counter_app/ui/admin/signing_dialog.py" line="76"/>
        <source>e.g. the CA&apos;s http://… address (empty: no extension)</source>
        <translation>ví dụ địa chỉ http://… của tổ chức chứng thực (để trống: không gia hạn chữ ký)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/signing_dialog.py" line="77"/>
        <source>Timestamp server (TSA)</source>
        <translation>Máy chủ cấp dấu thời gian (TSA)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/signing_dialog.py" line="55"/>
        <source>Digital signatures</source>
        <translation>Chữ ký số</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/signing_dialog.py" line="67"/>
        <source>e.g. the .dll the CA&apos;s token software installed</source>
        <translation>ví dụ tệp .dll do phần mềm token của nhà cung cấp chữ ký số cài đặt</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/signing_dialog.py" line="68"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Chọn tệp…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/signing_dialog.py" line="73"/>
        <source>Token driver (PKCS#11)</source>
        <translation>Trình điều khiển token (PKCS#11)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/signing_dialog.py" line="81"/>
        <source>Trusted roots</source>
        <translation>Chứng thư gốc tin cậy</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/signing_dialog.py" line="87"/>
        <source>“Try the token” opens it with its PIN and lists its certificates.</source>
        <translation>“Thử token” mở token bằng mã PIN và liệt kê các chứng thư số trên token.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/signing_dialog.py" line="96"/>
        <source>&amp;Try the token</source>
        <translation>&amp;Thử token</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/signing_dialog.py" line="101"/>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/signing_dialog.py" line="105"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/signing_dialog.py" line="123"/>
        <source>{folder} ({count} root certificates installed)</source>
        <translation>{folder} (đã cài {count} chứng thư gốc)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/signing_dialog.py" line="130"/>
        <source>The token driver (PKCS#11 module)</source>
        <translation>Trình điều khiển token (mô-đun PKCS#11)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/signing_dialog.py" line="154"/>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/signing_dialog.py" line="158"/>
        <source>Opening the token…</source>
        <translation>Đang mở token…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/signing_dialog.py" line="169"/>
        <source>The token answers: {count} certificates.</source>
        <translation>Token trả lời: {count} chứng thư số.</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <location filename="../../counter_app/ui/step_dialog.py" line="65"/>
        <source>{step} — dossier {code}</source>
        <translation>{step} — hồ sơ {code}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/step_dialog.py" line="81"/>
        <source>One line for each document or detail to supplement</source>
        <translation>Mỗi dòng một giấy tờ hoặc nội dung cần bổ sung</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/step_dialog.py" line="84"/>
        <source>List everything at once: the request can be made only one time.</source>
        <translation>Ghi đầy đủ một lần: chỉ được yêu cầu bổ sung một lần.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/step_dialog.py" line="87"/>
        <source>To supplement:</source>
        <translation>Cần bổ sung:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/step_dialog.py" line="92"/>
        <source>Department:</source>
        <translation>Cơ quan chuyên môn:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/step_dialog.py" line="100"/>
        <source>New appointment:</source>
        <translation>Ngày hẹn trả mới:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/step_dialog.py" line="105"/>
        <source>Electronic result:</source>
        <translation>Kết quả điện tử:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/step_dialog.py" line="111"/>
        <source>Reason:</source>
        <translation>Lý do:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/step_dialog.py" line="119"/>
        <source>Note (optional):</source>
        <translation>Ghi chú (nếu có):</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/step_dialog.py" line="114"/>
        <source>Reason (printed on form 02):</source>
        <translation>Lý do (in trên mẫu 02):</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/step_dialog.py" line="116"/>
        <source>Why the dossier is incomplete; left off the form when empty</source>
        <translation>Vì sao hồ sơ chưa đầy đủ; để trống thì phiếu không in dòng lý do</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <location filename="../../counter_app/storage.py" line="329"/>
        <source>The counter&apos;s database is damaged ({detail}). It is open for reading only and nothing will be written into it. Restore the latest good backup ({backup}) or call the IT staff.</source>
        <translation>Cơ sở dữ liệu của quầy bị hỏng ({detail}). Dữ liệu chỉ được mở để xem và sẽ không ghi gì vào đó. Hãy khôi phục bản sao lưu tốt gần nhất ({backup}) hoặc gọi cán bộ CNTT.</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <location filename="../../counter_app/sync/file_download.py" line="36"/>
        <source>The centre does not hold this electronic copy yet: the counter that scanned it has not sent it. Try again after that counter has synced.</source>
        <translation>Trung tâm chưa có bản điện tử này: quầy đã số hóa giấy tờ chưa gửi tệp lên. Hãy thử lại sau khi quầy đó đồng bộ.</translation>
    </message>
    <message>
        <location filename="../../counter_app/sync/file_download.py" line="52"/>
        <source>The electronic copy arrived damaged from the centre and was not kept; try again.</source>
        <translation>Bản điện tử tải từ trung tâm về bị hỏng nên không được lưu; hãy thử lại.</translation>
    </message>
    <message>
        <location filename="../../counter_app/sync/errors.py" line="17"/>
        <source>The central database cannot be reached; the counter keeps working offline and will send its changes later. Nothing was changed.</source>
        <translation>Không liên lạc được với cơ sở dữ liệu trung tâm (mất kết nối); quầy vẫn làm việc bình thường khi mất mạng và sẽ gửi các thay đổi sau. Dữ liệu chưa bị thay đổi.</translation>
    </message>
    <message>
        <location filename="../../counter_app/sync/errors.py" line="36"/>
        <source>The link to the central database went silent (no answer for {seconds} seconds), so this sync was stopped; the counter keeps working offline and will send its changes at the next sync.</source>
        <translation>Lần đồng bộ này đã dừng vì mất kết nối: đường truyền tới cơ sở dữ liệu trung tâm không có phản hồi trong {seconds} giây; quầy vẫn làm việc bình thường và sẽ gửi các thay đổi ở lần đồng bộ sau.</translation>
    </message>
    <message>
        <location filename="../../counter_app/sync/errors.py" line="54"/>
        <source>The central database refused this sync (error {code}); the counter keeps working and its changes stay queued. Tell the province&apos;s IT staff.</source>
        <translation>Cơ sở dữ liệu trung tâm từ chối lần đồng bộ này (mã lỗi {code}); quầy vẫn làm việc bình thường và các thay đổi vẫn được giữ lại để gửi sau. Hãy báo cho bộ phận công nghệ thông tin của tỉnh.</translation>
    </message>
    <message>
        <location filename="../../counter_app/sync/errors.py" line="69"/>
        <source>This counter is not connected to a central database; import its connection file with “counter-app sync connect FILE”.</source>
        <translation>Quầy chưa kết nối với cơ sở dữ liệu trung tâm; hãy nhập tệp kết nối của quầy bằng lệnh “counter-app sync connect FILE”.</translation>
    </message>
    <message>
        <location filename="../../counter_app/sync/errors.py" line="83"/>
        <source>The central database does not know this counter; ask the province&apos;s IT staff to register it again.</source>
        <translation>Cơ sở dữ liệu trung tâm không có thông tin về quầy này; đề nghị cán bộ công nghệ thông tin của tỉnh đăng ký lại quầy.</translation>
    </message>
    <message>
        <location filename="../../counter_app/sync/errors.py" line="97"/>
        <source>The centre expected change number {expected} but the counter holds {got} next; nothing was sent. Ask the IT staff to check this counter&apos;s database.</source>
        <translation>Trung tâm chờ thay đổi số {expected} nhưng quầy có thay đổi tiếp theo là số {got}; chưa gửi gì. Đề nghị cán bộ công nghệ thông tin kiểm tra cơ sở dữ liệu của quầy.</translation>
    </message>
    <message>
        <location filename="../../counter_app/sync/errors.py" line="113"/>
        <source>This counter was away longer than the centre keeps its changes; run “counter-app sync resync” to download everything again.</source>
        <translation>Quầy đã mất kết nối lâu hơn thời gian trung tâm lưu giữ các thay đổi; hãy chạy “counter-app sync resync” để tải lại toàn bộ dữ liệu.</translation>
    </message>
    <message>
        <location filename="../../counter_app/sync/service.py" line="99"/>
        <source>This connection file was made for another counter; ask the IT staff for the file of this counter ({counter}, identity {uuid}): give them its registration request (Central connection › Export a registration request).</source>
        <translation>Tệp kết nối này được tạo cho một quầy khác; hãy đề nghị cán bộ công nghệ thông tin cấp tệp của quầy này ({counter}, mã định danh {uuid}) và gửi họ yêu cầu đăng ký của quầy (Kết nối trung tâm › Xuất yêu cầu đăng ký).</translation>
    </message>
    <message>
        <location filename="../../counter_app/sync/service.py" line="133"/>
        <source>This counter is set up already: only its administrator may import a connection file (with the CLI, name them with --by USER).</source>
        <translation>Quầy này đã được thiết lập: chỉ quản trị viên của quầy mới được nhập tệp kết nối (trên dòng lệnh, ghi tên quản trị viên bằng --by USER).</translation>
    </message>
    <message>
        <location filename="../../counter_app/wire/connection_file.py" line="49"/>
        <source>The file “{path}” is not a counter connection file from “counter-app central register-counter”.</source>
        <translation>Tệp “{path}” không phải tệp kết nối quầy do lệnh “counter-app central register-counter” tạo ra.</translation>
    </message>
    <message>
        <location filename="../../counter_app/wire/registration_request.py" line="44"/>
        <source>The file “{path}” is not a counter&apos;s registration request; export it again from the counter (Administration › Central connection).</source>
        <translation>Tệp “{path}” không phải là yêu cầu đăng ký của một quầy; hãy xuất lại từ quầy (Quản trị › Kết nối trung tâm).</translation>
    </message>
</context>
<context>
    <name>SyncIssues</name>
    <message>
        <location filename="../../counter_app/wire/refusals.py" line="11"/>
        <source>audit chain broken: the entry does not follow the centre&apos;s head</source>
        <translation>chuỗi nhật ký bị đứt: mục này không nối tiếp mục cuối mà trung tâm giữ</translation>
    </message>
    <message>
        <location filename="../../counter_app/wire/refusals.py" line="14"/>
        <source>dossier code already belongs to another dossier</source>
        <translation>mã hồ sơ đã thuộc về một hồ sơ khác</translation>
    </message>
    <message>
        <location filename="../../counter_app/wire/refusals.py" line="15"/>
        <source>dossier code lies outside this counter&apos;s range</source>
        <translation>mã hồ sơ nằm ngoài dải số được cấp cho quầy này</translation>
    </message>
    <message>
        <location filename="../../counter_app/wire/refusals.py" line="18"/>
        <source>dossier code cannot change</source>
        <translation>mã hồ sơ không được thay đổi</translation>
    </message>
    <message>
        <location filename="../../counter_app/wire/refusals.py" line="19"/>
        <source>dossier belongs to another counter</source>
        <translation>hồ sơ thuộc quầy khác</translation>
    </message>
    <message>
        <location filename="../../counter_app/wire/refusals.py" line="21"/>
        <source>dossier was changed centrally since this counter received it</source>
        <translation>hồ sơ đã được thay đổi tại trung tâm sau khi quầy nhận về</translation>
    </message>
    <message>
        <location filename="../../counter_app/wire/refusals.py" line="24"/>
        <source>append-only record arrived again with a different body</source>
        <translation>bản ghi chỉ được thêm mới lại đến với nội dung khác</translation>
    </message>
    <message>
        <location filename="../../counter_app/wire/refusals.py" line="27"/>
        <source>its dossier&apos;s change was refused or the dossier belongs to another counter</source>
        <translation>thay đổi của hồ sơ chứa bản ghi này bị từ chối, hoặc hồ sơ thuộc quầy khác</translation>
    </message>
    <message>
        <location filename="../../counter_app/wire/refusals.py" line="31"/>
        <source>unknown kind of row</source>
        <translation>loại bản ghi không xác định</translation>
    </message>
    <message>
        <location filename="../../counter_app/wire/refusals.py" line="32"/>
        <source>malformed uuid</source>
        <translation>mã định danh (UUID) không đúng dạng</translation>
    </message>
    <message>
        <location filename="../../counter_app/wire/refusals.py" line="33"/>
        <source>body is not an object</source>
        <translation>nội dung bản ghi không đúng dạng</translation>
    </message>
    <message>
        <location filename="../../counter_app/wire/refusals.py" line="34"/>
        <source>body disagrees with the entry (uuid)</source>
        <translation>nội dung bản ghi không khớp với mã định danh của nó</translation>
    </message>
    <message>
        <location filename="../../counter_app/wire/refusals.py" line="35"/>
        <source>malformed version</source>
        <translation>số phiên bản không hợp lệ</translation>
    </message>
    <message>
        <location filename="../../counter_app/wire/refusals.py" line="36"/>
        <source>malformed dossier uuid</source>
        <translation>mã định danh hồ sơ không đúng dạng</translation>
    </message>
    <message>
        <location filename="../../counter_app/wire/refusals.py" line="37"/>
        <source>malformed dossier</source>
        <translation>hồ sơ có trường thiếu hoặc sai dạng (mã, thủ tục, trạng thái, thời điểm, lệ phí)</translation>
    </message>
    <message>
        <location filename="../../counter_app/wire/refusals.py" line="38"/>
        <source>malformed timestamp</source>
        <translation>thời điểm ghi trong bản ghi không đúng dạng</translation>
    </message>
    <message>
        <location filename="../../counter_app/wire/refusals.py" line="41"/>
        <source>malformed paper</source>
        <translation>bản điện tử của giấy tờ có trường thiếu hoặc sai dạng (mã băm, kích thước, loại giấy tờ, số định danh, ngày tháng)</translation>
    </message>
    <message>
        <location filename="../../counter_app/sync/pull_reasons.py" line="20"/>
        <source>changed here and not yet pushed; the centre&apos;s version is kept aside</source>
        <translation>đã sửa tại quầy và chưa gửi lên; bản của trung tâm được giữ riêng</translation>
    </message>
    <message>
        <location filename="../../counter_app/sync/pull_reasons.py" line="23"/>
        <source>Its procedure {procedure} is not in this counter&apos;s catalogue; it is applied once the catalogue brings it.</source>
        <translation>Thủ tục {procedure} của hồ sơ chưa có trong danh mục của quầy; hồ sơ sẽ được cập nhật khi danh mục có thủ tục này.</translation>
    </message>
    <message>
        <location filename="../../counter_app/sync/pull_reasons.py" line="28"/>
        <source>The centre sent this record incomplete or in a form this counter cannot read; the province&apos;s IT staff must correct it at the centre.</source>
        <translation>Trung tâm gửi bản ghi này thiếu thông tin hoặc ở dạng quầy không đọc được; cán bộ CNTT của tỉnh cần sửa tại trung tâm.</translation>
    </message>
    <message>
        <location filename="../../counter_app/sync/pull_reasons.py" line="33"/>
        <source>The centre&apos;s copy contradicts itself: the code in its contents ({code}) is not the dossier&apos;s code at the centre; the province&apos;s IT staff must correct it.</source>
        <translation>Bản của trung tâm tự mâu thuẫn: mã hồ sơ ghi trong nội dung ({code}) khác mã của hồ sơ tại trung tâm; cán bộ CNTT của tỉnh cần sửa lại.</translation>
    </message>
    <message>
        <location filename="../../counter_app/sync/pull_reasons.py" line="38"/>
        <source>The centre&apos;s copy gives this dossier another code ({code}) than the one it has here, and a dossier&apos;s code never changes; the province&apos;s IT staff must correct it.</source>
        <translation>Bản của trung tâm ghi cho hồ sơ này mã khác ({code}) với mã đang có tại quầy, trong khi mã hồ sơ không bao giờ thay đổi; cán bộ CNTT của tỉnh cần sửa lại.</translation>
    </message>
    <message>
        <location filename="../../counter_app/sync/pull_reasons.py" line="43"/>
        <source>Another dossier of this counter already has the code {code}; the province&apos;s IT staff must give the centre&apos;s dossier its own code.</source>
        <translation>Một hồ sơ khác của quầy đã mang mã {code}; cán bộ CNTT của tỉnh cần cấp cho hồ sơ của trung tâm một mã riêng.</translation>
    </message>
    <message>
        <location filename="../../counter_app/sync/pull_reasons.py" line="48"/>
        <source>The code {code} lies in the numbers this counter gives its own dossiers; the province&apos;s IT staff must give the centre&apos;s dossier another code.</source>
        <translation>Mã {code} nằm trong dải số quầy này dùng cho hồ sơ của mình; cán bộ CNTT của tỉnh cần cấp cho hồ sơ của trung tâm một mã khác.</translation>
    </message>
    <message>
        <location filename="../../counter_app/sync/pull_reasons.py" line="53"/>
        <source>This counter&apos;s database refused the centre&apos;s copy: it clashes with a record kept here; the province&apos;s IT staff must check it at the centre.</source>
        <translation>Cơ sở dữ liệu của quầy không nhận bản của trung tâm vì trùng với một bản ghi đang lưu tại quầy; cán bộ CNTT của tỉnh cần kiểm tra tại trung tâm.</translation>
    </message>
    <message>
        <location filename="../../counter_app/sync/pull_reasons.py" line="63"/>
        <source>The centre&apos;s copy of the official {official} lacks the roles {roles} this desk granted; the desk keeps them, since the centre never took them away. Ask the province&apos;s IT staff to add them at the centre, or change them in Administration › Officials.</source>
        <translation>Bản sao tại trung tâm của cán bộ {official} thiếu vai trò {roles} do quầy này cấp; quầy vẫn giữ các vai trò đó vì trung tâm chưa từng thu hồi. Hãy đề nghị cán bộ công nghệ thông tin của tỉnh bổ sung tại trung tâm, hoặc sửa tại Quản trị › Cán bộ.</translation>
    </message>
    <message>
        <location filename="../../counter_app/sync/pull_reasons.py" line="69"/>
        <source>The centre&apos;s copy of the official {official} lacks the title “{was}” this desk gave; the desk keeps it, since the centre did not change it. Ask the province&apos;s IT staff to set it at the centre, or change it in Administration › Officials.</source>
        <translation>Bản sao tại trung tâm của cán bộ {official} không có chức danh “{was}” do quầy này ghi; quầy vẫn giữ chức danh đó vì trung tâm không thay đổi. Hãy đề nghị cán bộ công nghệ thông tin của tỉnh ghi tại trung tâm, hoặc sửa tại Quản trị › Cán bộ.</translation>
    </message>
    <message>
        <location filename="../../counter_app/sync/pull_reasons.py" line="75"/>
        <source>The centre took the roles {roles} away from the official {official}: it was changed at the centre, which owns what it granted. Ask the province&apos;s IT staff if this is wrong.</source>
        <translation>Trung tâm đã thu hồi vai trò {roles} của cán bộ {official}: thay đổi được thực hiện tại trung tâm, nơi quản lý các vai trò do trung tâm cấp. Nếu không đúng, hãy hỏi cán bộ công nghệ thông tin của tỉnh.</translation>
    </message>
    <message>
        <location filename="../../counter_app/sync/pull_reasons.py" line="80"/>
        <source>The centre changed the title of the official {official} from “{was}” to “{title}”: it was changed at the centre. Ask the province&apos;s IT staff if this is wrong.</source>
        <translation>Trung tâm đã đổi chức danh của cán bộ {official} từ “{was}” thành “{title}”: thay đổi được thực hiện tại trung tâm. Nếu không đúng, hãy hỏi cán bộ công nghệ thông tin của tỉnh.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/sync_issues_dialog.py" line="31"/>
        <source>Sent: refused by the centre</source>
        <translation>Gửi đi: trung tâm từ chối</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/sync_issues_dialog.py" line="32"/>
        <source>Received: not applied here</source>
        <translation>Nhận về: không áp dụng được</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/sync_issues_dialog.py" line="33"/>
        <source>Received: applied, read what changed</source>
        <translation>Đã nhận: đã áp dụng, xem nội dung thay đổi</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/sync_issues_dialog.py" line="36"/>
        <source>Dossier</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/sync_issues_dialog.py" line="37"/>
        <source>Dossier document</source>
        <translation>Thành phần hồ sơ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/sync_issues_dialog.py" line="38"/>
        <source>Clock pause</source>
        <translation>Tạm dừng tính thời hạn</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/sync_issues_dialog.py" line="39"/>
        <source>Workflow step</source>
        <translation>Bước xử lý</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/sync_issues_dialog.py" line="40"/>
        <source>Printed form</source>
        <translation>Biểu mẫu đã in</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/sync_issues_dialog.py" line="48"/>
        <source>Restored backup</source>
        <translation>Bản sao lưu đã khôi phục</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/sync_issues_dialog.py" line="41"/>
        <source>Audit entry</source>
        <translation>Mục nhật ký</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/sync_issues_dialog.py" line="42"/>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/sync_issues_dialog.py" line="43"/>
        <source>Official</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/sync_issues_dialog.py" line="44"/>
        <source>Calendar day</source>
        <translation>Ngày lịch làm việc</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/sync_issues_dialog.py" line="45"/>
        <source>Counter</source>
        <translation>Quầy</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/sync_issues_dialog.py" line="46"/>
        <source>Central note</source>
        <translation>Ghi chú của trung tâm</translation>
    </message>
</context>
<context>
    <name>SyncIssuesDialog</name>
    <message>
        <location filename="../../counter_app/ui/sync_issues_dialog.py" line="104"/>
        <source>Sync issues</source>
        <translation>Bản ghi đồng bộ cần xử lý</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/sync_issues_dialog.py" line="110"/>
        <source>These records could not be synced. Nothing was deleted: both versions are kept for the IT staff, and the rest of the queue keeps moving.</source>
        <translation>Các bản ghi dưới đây chưa đồng bộ được. Không có gì bị xóa: cả hai phiên bản được giữ lại để cán bộ công nghệ thông tin xử lý, các thay đổi khác vẫn được gửi bình thường.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/sync_issues_dialog.py" line="118"/>
        <source>No sync issues.</source>
        <translation>Không có bản ghi nào cần xử lý.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/sync_issues_dialog.py" line="123"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>SyncIssuesModel</name>
    <message>
        <location filename="../../counter_app/ui/sync_issues_dialog.py" line="69"/>
        <source>Direction</source>
        <translation>Chiều</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/sync_issues_dialog.py" line="70"/>
        <source>Record</source>
        <translation>Bản ghi</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/sync_issues_dialog.py" line="71"/>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/sync_issues_dialog.py" line="72"/>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <location filename="../../counter_app/ui/sync_status.py" line="59"/>
        <source>Show the records sync could not apply</source>
        <translation>Xem các bản ghi chưa đồng bộ được</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/sync_status.py" line="85"/>
        <source>Not connected to the centre</source>
        <translation>Chưa kết nối trung tâm</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/sync_status.py" line="88"/>
        <source>This counter works on its own. To send its dossiers to the province, the IT staff import its connection file.</source>
        <translation>Quầy đang làm việc độc lập. Để gửi hồ sơ lên tỉnh, cán bộ công nghệ thông tin cần nhập tệp kết nối của quầy.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/sync_status.py" line="95"/>
        <source>Centre: checking…</source>
        <translation>Trung tâm: đang kiểm tra…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/sync_status.py" line="96"/>
        <source>Centre: syncing…</source>
        <translation>Trung tâm: đang đồng bộ…</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/sync_status.py" line="97"/>
        <source>Centre: online</source>
        <translation>Trung tâm: đã kết nối</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/sync_status.py" line="98"/>
        <source>Centre: offline</source>
        <translation>Trung tâm: mất kết nối</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/sync_status.py" line="99"/>
        <source>Centre: sync error</source>
        <translation>Trung tâm: lỗi đồng bộ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/sync_status.py" line="100"/>
        <source>Centre: sync stopped</source>
        <translation>Trung tâm: đã dừng đồng bộ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/sync_status.py" line="103"/>
        <source>Waiting to send: {count}</source>
        <translation>Chờ gửi: {count}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/sync_status.py" line="104"/>
        <source>Changes saved on this computer that the centre has not confirmed yet</source>
        <translation>Các thay đổi đã lưu trên máy này nhưng trung tâm chưa xác nhận</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/sync_status.py" line="108"/>
        <source>+ {files} file(s)</source>
        <translation>+ {files} tệp</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/sync_status.py" line="110"/>
        <source>{files} electronic copies not yet held whole at the centre</source>
        <translation>{files} bản điện tử Trung tâm chưa nhận đủ</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/sync_status.py" line="116"/>
        <source>{count} signature(s) made offline wait for the timestamp server (B-LT)</source>
        <translation>{count} chữ ký số tạo khi mất mạng đang chờ máy chủ dấu thời gian (B-LT)</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/sync_status.py" line="122"/>
        <source>Last sync: {time}</source>
        <translation>Đồng bộ: {time}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/sync_status.py" line="124"/>
        <source>Last sync: never</source>
        <translation>Đồng bộ: chưa có</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/sync_status.py" line="128"/>
        <source>Sync issues: {count}</source>
        <translation>Cần xử lý: {count}</translation>
    </message>
</context>
<context>
    <name>SyncWorker</name>
    <message>
        <location filename="../../counter_app/ui/sync_worker.py" line="212"/>
        <source>Sync with the centre failed; the counter keeps working and will try again. If it keeps failing, call the IT staff (details are in the log file).</source>
        <translation>Đồng bộ với trung tâm không thành công; quầy vẫn làm việc bình thường và sẽ thử lại. Nếu vẫn lỗi, hãy báo cán bộ công nghệ thông tin (chi tiết có trong tệp nhật ký).</translation>
    </message>
</context>
<context>
    <name>UnitDialog</name>
    <message>
        <location filename="../../counter_app/ui/admin/unit_dialog.py" line="42"/>
        <source>Unit and forms</source>
        <translation>Đơn vị và mẫu biểu</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/unit_dialog.py" line="48"/>
        <source>The unit named on the forms</source>
        <translation>Tên đơn vị in trên các mẫu</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/unit_dialog.py" line="54"/>
        <source>Rename</source>
        <translation>Đổi tên</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/unit_dialog.py" line="63"/>
        <source>Dossiers received already keep the name they were received under: their papers reprint as the originals did.</source>
        <translation>Hồ sơ đã tiếp nhận giữ tên đơn vị lúc tiếp nhận: giấy tờ in lại giống bản gốc.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/unit_dialog.py" line="67"/>
        <source>The agency, as the counter was set up</source>
        <translation>Cơ quan, như khi thiết lập quầy</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/unit_dialog.py" line="70"/>
        <source>Agency:</source>
        <translation>Cơ quan:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/unit_dialog.py" line="71"/>
        <source>Agency code:</source>
        <translation>Mã cơ quan:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/unit_dialog.py" line="72"/>
        <source>Above it:</source>
        <translation>Cơ quan cấp trên:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/unit_dialog.py" line="73"/>
        <source>Place on the dateline:</source>
        <translation>Địa danh ghi ở dòng ngày tháng:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/unit_dialog.py" line="74"/>
        <source>Phone:</source>
        <translation>Điện thoại:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/unit_dialog.py" line="75"/>
        <source>Counter:</source>
        <translation>Quầy:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/unit_dialog.py" line="76"/>
        <source>Code slot / ledger book:</source>
        <translation>Số thứ tự quầy / quyển sổ:</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/unit_dialog.py" line="81"/>
        <source>Form set</source>
        <translation>Bộ biểu mẫu</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/unit_dialog.py" line="88"/>
        <source>Why from that date: {source}</source>
        <translation>Căn cứ áp dụng từ ngày đó: {source}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/unit_dialog.py" line="94"/>
        <source>{circular} (from {day})</source>
        <translation>{circular} (từ {day})</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/unit_dialog.py" line="98"/>
        <source>Other sets: {sets}</source>
        <translation>Các bộ mẫu khác: {sets}</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/unit_dialog.py" line="101"/>
        <source>A dossier prints with the set in force on its receipt date, so a reprint looks like the original; there is nothing to choose here.</source>
        <translation>Mỗi hồ sơ in theo bộ mẫu có hiệu lực vào ngày tiếp nhận, nên bản in lại giống bản gốc; ở đây không cần chọn bộ mẫu.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/unit_dialog.py" line="115"/>
        <source>In force today: {circular}, for dossiers received from {day}. Forms: {forms}.</source>
        <translation>Áp dụng hôm nay: {circular}, cho hồ sơ tiếp nhận từ ngày {day}. Các mẫu: {forms}.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/admin/unit_dialog.py" line="122"/>
        <source>Saved: dossiers received from now on print the new name.</source>
        <translation>Đã lưu: hồ sơ tiếp nhận từ nay in tên mới.</translation>
    </message>
</context>
<context>
    <name>Users</name>
    <message>
        <location filename="../../counter_app/services/users.py" line="74"/>
        <source>The user name may contain only letters, digits, . and _.</source>
        <translation>Tên đăng nhập chỉ được gồm chữ cái không dấu, chữ số, dấu chấm và dấu gạch dưới.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/users.py" line="80"/>
        <source>Enter the official&apos;s full name.</source>
        <translation>Hãy nhập họ và tên cán bộ.</translation>
    </message>
    <message>
        <location filename="../../counter_app/cli_central.py" line="173"/>
        <location filename="../../counter_app/services/users.py" line="91"/>
        <source>The password must have at least {count} characters.</source>
        <translation>Mật khẩu phải có ít nhất {count} ký tự.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/users.py" line="83"/>
        <location filename="../../counter_app/services/users.py" line="309"/>
        <source>Give the user at least one role.</source>
        <translation>Hãy chọn ít nhất một vai trò cho người dùng.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/users.py" line="97"/>
        <source>The two passwords are not the same; type the same password twice.</source>
        <translation>Hai lần nhập mật khẩu không giống nhau; hãy nhập cùng một mật khẩu hai lần.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/users.py" line="157"/>
        <source>This counter already has officials; an administrator adds new ones.</source>
        <translation>Quầy này đã có cán bộ; cán bộ mới do quản trị viên thêm.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/users.py" line="182"/>
        <source>The user name “{username}” is already taken.</source>
        <translation>Tên đăng nhập “{username}” đã có người dùng; hãy chọn tên khác.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/users.py" line="221"/>
        <source>There is no official “{username}”.</source>
        <translation>Không có cán bộ “{username}”.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/users.py" line="241"/>
        <source>“{username}” is the last active administrator; give another official the administrator role first.</source>
        <translation>“{username}” là quản trị viên cuối cùng còn hoạt động; hãy giao vai trò quản trị viên cho một cán bộ khác trước.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/users.py" line="264"/>
        <source>You cannot disable your own account; another administrator may.</source>
        <translation>Không thể tự vô hiệu hóa tài khoản của chính mình; một quản trị viên khác có thể làm việc này.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/auth.py" line="141"/>
        <source>This login belongs to another counter; log in again on this one.</source>
        <translation>Phiên đăng nhập này thuộc quầy khác; hãy đăng nhập lại trên quầy này.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/auth.py" line="151"/>
        <source>Only an official with the role “{role}” may do this.</source>
        <translation>Chỉ cán bộ có vai trò “{role}” mới được làm việc này.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/auth.py" line="304"/>
        <source>Too many wrong passwords: this account is locked until {time}; try again then or ask the administrator.</source>
        <translation>Nhập sai mật khẩu quá nhiều lần: tài khoản bị khóa đến {time}; hãy thử lại sau thời điểm đó hoặc liên hệ quản trị viên.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/auth.py" line="328"/>
        <source>Wrong user name or password.</source>
        <translation>Sai tên đăng nhập hoặc mật khẩu.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/auth.py" line="337"/>
        <source>This account has been disabled; ask the administrator to enable it again.</source>
        <translation>Tài khoản này đã bị vô hiệu hóa; hãy đề nghị quản trị viên kích hoạt lại.</translation>
    </message>
    <message>
        <location filename="../../counter_app/services/auth.py" line="115"/>
        <source>The user “{username}” does not exist or is locked.</source>
        <translation>Người dùng “{username}” không tồn tại hoặc đã bị khóa.</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <location filename="../../counter_app/domain/cccd.py" line="68"/>
        <source>Citizen ID (CCCD) may contain only digits; remove “{chars}”.</source>
        <translation>Số CCCD chỉ được gồm chữ số; hãy xóa “{chars}”.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/cccd.py" line="73"/>
        <source>Citizen ID (CCCD) must have exactly 12 digits; {count} were entered.</source>
        <translation>Số CCCD phải gồm đúng 12 chữ số; đã nhập {count} chữ số.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/cccd.py" line="80"/>
        <source>The first three digits of the citizen ID (CCCD), {code}, are not a province code; check the number.</source>
        <translation>Ba chữ số đầu của số CCCD ({code}) không phải là mã tỉnh, thành phố; vui lòng kiểm tra lại số CCCD.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/cccd.py" line="90"/>
        <source>The citizen ID (CCCD) gives birth year {year}, which is in the future; check digits 4 to 6.</source>
        <translation>Số CCCD cho năm sinh {year}, là năm trong tương lai; vui lòng kiểm tra chữ số thứ 4 đến thứ 6.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/cccd.py" line="99"/>
        <source>The citizen ID (CCCD) is a man&apos;s (4th digit {digit}), but female was selected; correct the sex or the ID number.</source>
        <translation>Số CCCD là của nam (chữ số thứ 4 là {digit}) nhưng giới tính đã chọn là nữ; vui lòng sửa giới tính hoặc số CCCD.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/cccd.py" line="105"/>
        <source>The citizen ID (CCCD) is a woman&apos;s (4th digit {digit}), but male was selected; correct the sex or the ID number.</source>
        <translation>Số CCCD là của nữ (chữ số thứ 4 là {digit}) nhưng giới tính đã chọn là nam; vui lòng sửa giới tính hoặc số CCCD.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/cccd.py" line="112"/>
        <source>Birth year {entered} does not match the citizen ID (CCCD), which gives {encoded}; correct the birth year or the ID number.</source>
        <translation>Năm sinh {entered} không khớp với số CCCD (năm sinh theo CCCD là {encoded}); vui lòng sửa năm sinh hoặc số CCCD.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/identity_documents.py" line="55"/>
        <source>The old identity card (CMND) number may contain only digits; remove “{chars}”.</source>
        <translation>Số chứng minh nhân dân (CMND) chỉ gồm chữ số; hãy xóa “{chars}”.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/identity_documents.py" line="61"/>
        <source>The old identity card (CMND) number must have exactly 9 digits; {count} were entered. A 12-digit number is a citizen ID (CCCD): choose that kind.</source>
        <translation>Số chứng minh nhân dân (CMND) phải có đúng 9 chữ số; đã nhập {count} chữ số. Số có 12 chữ số là số căn cước công dân (CCCD): hãy chọn loại giấy tờ đó.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/identity_documents.py" line="77"/>
        <source>The passport number may contain only Latin letters and digits, as printed on the passport; remove “{chars}”.</source>
        <translation>Số hộ chiếu chỉ gồm chữ cái La-tinh và chữ số, như in trên hộ chiếu; hãy xóa “{chars}”.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/identity_documents.py" line="84"/>
        <source>The passport number must have {low} to {high} letters and digits; {count} were entered.</source>
        <translation>Số hộ chiếu phải có từ {low} đến {high} chữ cái và chữ số; đã nhập {count} ký tự.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/identity_documents.py" line="92"/>
        <source>Enter the passport holder&apos;s nationality: its three-letter code as printed on the passport (for example CHN, KOR, USA) or its name (for example Trung Quốc).</source>
        <translation>Nhập quốc tịch của người mang hộ chiếu: mã ba chữ cái in trên hộ chiếu (ví dụ CHN, KOR, USA) hoặc tên nước (ví dụ Trung Quốc).</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/identity_documents.py" line="101"/>
        <source>Nationality “{value}” is not known: enter the three-letter country code printed on the passport (for example CHN, KOR, USA).</source>
        <translation>Không nhận ra quốc tịch “{value}”: hãy nhập mã nước ba chữ cái in trên hộ chiếu (ví dụ CHN, KOR, USA).</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/identity_documents.py" line="126"/>
        <source>The tax code may contain only digits, and a dash before a branch&apos;s three digits; remove “{chars}”.</source>
        <translation>Mã số thuế chỉ gồm chữ số, và một dấu gạch ngang trước ba chữ số của chi nhánh; hãy xóa “{chars}”.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/identity_documents.py" line="134"/>
        <source>The tax code must have 10 digits, or for a branch 10 digits, a dash and 3 digits (for example 0101234567-001); {count} digits were entered.</source>
        <translation>Mã số thuế phải có 10 chữ số, hoặc với chi nhánh là 10 chữ số, dấu gạch ngang và 3 chữ số (ví dụ 0101234567-001); đã nhập {count} chữ số.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/identity_documents.py" line="144"/>
        <source>Tax code {value} is not one the tax office issues; check the number.</source>
        <translation>Mã số thuế {value} không phải mã do cơ quan thuế cấp; hãy kiểm tra lại số.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/identity_documents.py" line="149"/>
        <source>Tax code {value} is mistyped: its 10th digit does not match the first nine. Check it against the organisation&apos;s registration certificate.</source>
        <translation>Mã số thuế {value} bị nhập sai: chữ số thứ 10 không khớp với chín chữ số đầu. Hãy đối chiếu với giấy chứng nhận đăng ký của tổ chức.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/identity_documents.py" line="163"/>
        <source>The business registration code may contain only Latin letters and digits; remove “{chars}”.</source>
        <translation>Mã số đăng ký kinh doanh chỉ gồm chữ cái La-tinh và chữ số; hãy xóa “{chars}”.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/identity_documents.py" line="170"/>
        <source>The business registration code must have {low} to {high} letters and digits, as printed on the registration certificate; {count} were entered.</source>
        <translation>Mã số đăng ký kinh doanh phải có từ {low} đến {high} chữ cái và chữ số, như in trên giấy chứng nhận đăng ký; đã nhập {count} ký tự.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/identity_documents.py" line="185"/>
        <source>Choose the applicant&apos;s document: citizen ID (CCCD), old identity card (CMND), passport, or an organisation&apos;s tax code or business registration code.</source>
        <translation>Chọn giấy tờ của người nộp: căn cước công dân (CCCD), chứng minh nhân dân cũ (CMND), hộ chiếu, hoặc mã số thuế hay mã số đăng ký kinh doanh của tổ chức.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/identity_documents.py" line="196"/>
        <source>Enter the old identity card (CMND) number.</source>
        <translation>Nhập số chứng minh nhân dân (CMND).</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/identity_documents.py" line="197"/>
        <source>Enter the passport number.</source>
        <translation>Nhập số hộ chiếu.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/identity_documents.py" line="198"/>
        <source>Enter the organisation&apos;s tax code.</source>
        <translation>Nhập mã số thuế của tổ chức.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/identity_documents.py" line="199"/>
        <source>Enter the organisation&apos;s business registration code.</source>
        <translation>Nhập mã số đăng ký kinh doanh của tổ chức.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/validation.py" line="88"/>
        <source>Enter the full name of the organisation&apos;s representative.</source>
        <translation>Nhập họ và tên người đại diện của tổ chức.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/validation.py" line="93"/>
        <source>Enter the full name.</source>
        <translation>Vui lòng nhập họ và tên.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/validation.py" line="104"/>
        <source>Full name may contain only letters, spaces, apostrophes and hyphens; remove “{chars}”.</source>
        <translation>Họ và tên chỉ được gồm chữ cái, dấu cách, dấu nháy đơn và dấu gạch nối; hãy xóa “{chars}”.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/validation.py" line="113"/>
        <source>Full name must be at most {max} characters; {count} were entered.</source>
        <translation>Họ và tên chỉ được dài tối đa {max} ký tự; đã nhập {count} ký tự.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/validation.py" line="155"/>
        <source>Phone number may contain only digits, spaces, dots, dashes, brackets and a leading +; remove “{chars}”.</source>
        <translation>Số điện thoại chỉ được gồm chữ số, dấu cách, dấu chấm, dấu gạch ngang, dấu ngoặc và dấu + ở đầu; hãy xóa “{chars}”.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/validation.py" line="163"/>
        <source>Phone number {value} is not a Vietnamese number: enter 10 digits starting with 0 for a mobile, 11 digits starting with 02 for a landline, or +84 instead of the first 0.</source>
        <translation>Số điện thoại {value} không phải số của Việt Nam: hãy nhập 10 chữ số bắt đầu bằng 0 (di động), 11 chữ số bắt đầu bằng 02 (cố định), hoặc thay số 0 đầu tiên bằng +84.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/validation.py" line="176"/>
        <source>Email address {value} is not valid; it should look like name@example.vn.</source>
        <translation>Địa chỉ email {value} không hợp lệ; email phải có dạng ten@example.vn.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/validation.py" line="192"/>
        <source>Birth year must be between {min} and {max}; {value} was entered.</source>
        <translation>Năm sinh phải từ {min} đến {max}; đã nhập {value}.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/validation.py" line="204"/>
        <source>Address must be at most {max} characters; {count} were entered.</source>
        <translation>Địa chỉ chỉ được dài tối đa {max} ký tự; đã nhập {count} ký tự.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/validation.py" line="208"/>
        <source>Organisation name must be at most {max} characters; {count} were entered.</source>
        <translation>Tên cơ quan, tổ chức chỉ được dài tối đa {max} ký tự; đã nhập {count} ký tự.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/validation.py" line="221"/>
        <source>Choose the sex: male or female.</source>
        <translation>Vui lòng chọn giới tính: nam hoặc nữ.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/validation.py" line="227"/>
        <source>Enter the organisation&apos;s name, as on its registration certificate; the full name is its representative&apos;s.</source>
        <translation>Nhập tên tổ chức như trên giấy chứng nhận đăng ký; ô họ và tên là của người đại diện.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/identity_documents.py" line="195"/>
        <source>Enter the citizen ID (CCCD) number.</source>
        <translation>Vui lòng nhập số CCCD.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/bounds.py" line="50"/>
        <source>The text contains a control character at position {position}; delete it.</source>
        <translation>Nội dung có ký tự điều khiển ở vị trí {position}; hãy xóa ký tự đó.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/bounds.py" line="65"/>
        <source>The text must be at most {max} characters; {count} were entered.</source>
        <translation>Nội dung chỉ được tối đa {max} ký tự; đã nhập {count} ký tự.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/bounds.py" line="82"/>
        <source>Enter a whole number from {low} to {high}; {value} was entered.</source>
        <translation>Hãy nhập số nguyên từ {low} đến {high}; đã nhập {value}.</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <location filename="../../counter_app/ui/widgets.py" line="135"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>WindowSigning</name>
    <message>
        <location filename="../../counter_app/ui/window_signing.py" line="47"/>
        <source>Nothing was signed or saved: the token&apos;s PIN was not given.</source>
        <translation>Chưa ký và chưa lưu gì: chưa nhập mã PIN của token.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/window_signing.py" line="58"/>
        <source>Nothing was signed or saved: no certificate was chosen.</source>
        <translation>Chưa ký và chưa lưu gì: chưa chọn chứng thư số.</translation>
    </message>
    <message>
        <location filename="../../counter_app/ui/window_signing.py" line="250"/>
        <source>Signed by: {holder}, expires {day}</source>
        <translation>Ký bởi: {holder}, hết hạn {day}</translation>
    </message>
</context>
<context>
    <name>Workflow</name>
    <message>
        <location filename="../../counter_app/domain/workflow.py" line="135"/>
        <source>Received</source>
        <translation>Đã tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/workflow.py" line="136"/>
        <source>In appraisal</source>
        <translation>Đang thẩm định</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/workflow.py" line="137"/>
        <source>Waiting for supplement</source>
        <translation>Chờ bổ sung</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/workflow.py" line="138"/>
        <source>Transferred to department</source>
        <translation>Đã chuyển cơ quan chuyên môn</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/workflow.py" line="139"/>
        <source>Appraised, awaiting approval</source>
        <translation>Đã thẩm định, chờ phê duyệt</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/workflow.py" line="140"/>
        <source>Approved</source>
        <translation>Đã phê duyệt</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/workflow.py" line="141"/>
        <source>Refused</source>
        <translation>Từ chối giải quyết</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/workflow.py" line="142"/>
        <location filename="../../counter_app/domain/workflow.py" line="158"/>
        <source>Result ready</source>
        <translation>Đã có kết quả</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/workflow.py" line="143"/>
        <source>Result returned</source>
        <translation>Đã trả kết quả</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/workflow.py" line="144"/>
        <source>Withdrawn</source>
        <translation>Đã rút hồ sơ</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/workflow.py" line="145"/>
        <source>Closed, supplement not brought</source>
        <translation>Đã đóng hồ sơ (không bổ sung)</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/workflow.py" line="149"/>
        <source>Receive</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/workflow.py" line="150"/>
        <source>Start appraisal</source>
        <translation>Bắt đầu thẩm định</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/workflow.py" line="151"/>
        <source>Request supplement</source>
        <translation>Yêu cầu bổ sung</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/workflow.py" line="152"/>
        <source>Record supplement</source>
        <translation>Nhận hồ sơ bổ sung</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/workflow.py" line="153"/>
        <source>Transfer to department</source>
        <translation>Chuyển cơ quan chuyên môn</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/workflow.py" line="154"/>
        <source>Back from department</source>
        <translation>Nhận lại từ cơ quan chuyên môn</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/workflow.py" line="155"/>
        <source>Finish appraisal</source>
        <translation>Hoàn thành thẩm định</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/workflow.py" line="156"/>
        <source>Approve</source>
        <translation>Phê duyệt</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/workflow.py" line="157"/>
        <source>Refuse</source>
        <translation>Từ chối giải quyết</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/workflow.py" line="159"/>
        <source>Return result</source>
        <translation>Trả kết quả</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/workflow.py" line="160"/>
        <source>Withdraw</source>
        <translation>Rút hồ sơ</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/workflow.py" line="161"/>
        <source>Apologise and set new appointment</source>
        <translation>Xin lỗi và hẹn lại ngày trả kết quả</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/workflow.py" line="162"/>
        <source>Close the dossier</source>
        <translation>Đóng hồ sơ</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/workflow.py" line="166"/>
        <source>Receiving officer</source>
        <translation>Công chức tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/workflow.py" line="167"/>
        <source>Appraiser</source>
        <translation>Người thẩm định</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/workflow.py" line="168"/>
        <source>Approver</source>
        <translation>Người phê duyệt</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/workflow.py" line="169"/>
        <source>Returning officer</source>
        <translation>Công chức trả kết quả</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/workflow.py" line="170"/>
        <source>Administrator</source>
        <translation>Quản trị viên</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/workflow.py" line="225"/>
        <source>This step cannot be taken on a stored dossier.</source>
        <translation>Không thể thực hiện bước này với hồ sơ đã lưu.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/workflow.py" line="229"/>
        <source>The step “{action}” is not allowed while the dossier is “{state}”.</source>
        <translation>Không thể thực hiện bước “{action}” khi hồ sơ đang ở trạng thái “{state}”.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/workflow.py" line="197"/>
        <source>You need the role “{roles}” to take the step “{action}”.</source>
        <translation>Cần có vai trò “{roles}” để thực hiện bước “{action}”.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/extension.py" line="46"/>
        <source>An apology with a new appointment is only for an overdue dossier ({basis}).</source>
        <translation>Chỉ xin lỗi và hẹn lại ngày trả kết quả khi hồ sơ đã quá hạn ({basis}).</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/supplement.py" line="101"/>
        <source>The citizen has {days} days from the supplement notice of {asked} to complete the dossier; it can be closed from {first} ({basis}).</source>
        <translation>Công dân có {days} ngày kể từ ngày thông báo bổ sung {asked} để hoàn thiện hồ sơ; chỉ được đóng hồ sơ từ ngày {first} ({basis}).</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/supplement.py" line="91"/>
        <source>A dossier received under these rules is not closed for want of its supplement ({basis}); the citizen may still bring it or withdraw the dossier.</source>
        <translation>Hồ sơ tiếp nhận theo quy định này không bị đóng vì chưa bổ sung ({basis}); công dân vẫn có thể bổ sung hoặc rút hồ sơ.</translation>
    </message>
    <message>
        <location filename="../../counter_app/domain/extension.py" line="36"/>
        <source>This dossier already had its apology and new appointment; it can be given only once ({basis}).</source>
        <translation>Hồ sơ này đã được xin lỗi và hẹn lại; chỉ được gia hạn một lần ({basis}).</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <location filename="../../counter_app/paper/errors.py" line="10"/>
        <source>No font that can print Vietnamese was found. Install Times New Roman, or the package fonts-liberation2 or fonts-dejavu-core, then print again.</source>
        <translation>Không tìm thấy phông chữ in được tiếng Việt. Cài đặt phông Times New Roman, hoặc gói fonts-liberation2 / fonts-dejavu-core, rồi in lại.</translation>
    </message>
    <message>
        <location filename="../../counter_app/paper/errors.py" line="14"/>
        <source>The form set &quot;{set_id}&quot; does not exist. Choose one of: {available}.</source>
        <translation>Bộ biểu mẫu &quot;{set_id}&quot; không tồn tại. Hãy chọn một trong các bộ: {available}.</translation>
    </message>
    <message>
        <location filename="../../counter_app/paper/errors.py" line="17"/>
        <source>The form set file &quot;{set_id}&quot; cannot be read: {detail}. Reinstall the application or choose another form set.</source>
        <translation>Không đọc được tệp bộ biểu mẫu &quot;{set_id}&quot;: {detail}. Hãy cài đặt lại ứng dụng hoặc chọn bộ biểu mẫu khác.</translation>
    </message>
    <message>
        <location filename="../../counter_app/paper/errors.py" line="21"/>
        <source>The form set &quot;{set_id}&quot; has no form for &quot;{kind}&quot;. Choose a form set that has it.</source>
        <translation>Bộ biểu mẫu &quot;{set_id}&quot; không có mẫu &quot;{kind}&quot;. Hãy chọn bộ biểu mẫu có mẫu này.</translation>
    </message>
    <message>
        <location filename="../../counter_app/paper/errors.py" line="24"/>
        <source>Paper size &quot;{paper}&quot; is not available for this form. Choose one of: {available}.</source>
        <translation>Mẫu này không in được trên khổ giấy &quot;{paper}&quot;. Hãy chọn một trong các khổ: {available}.</translation>
    </message>
    <message>
        <location filename="../../counter_app/paper/errors.py" line="27"/>
        <source>No form set was in force on {day}. Check the dossier&apos;s receipt date, or add the form set of that time.</source>
        <translation>Không có bộ biểu mẫu nào có hiệu lực vào ngày {day}. Kiểm tra ngày tiếp nhận hồ sơ, hoặc bổ sung bộ biểu mẫu của thời điểm đó.</translation>
    </message>
    <message>
        <location filename="../../counter_app/paper/errors.py" line="31"/>
        <source>This QR code is not from a receipt slip of this system (missing: {missing}).</source>
        <translation>Mã QR này không phải của giấy tiếp nhận hồ sơ do hệ thống in (thiếu: {missing}).</translation>
    </message>
    <message>
        <location filename="../../counter_app/paper/errors.py" line="34"/>
        <source>The result is to be sent by post but the postal address is empty. Enter the address.</source>
        <translation>Kết quả được đăng ký gửi qua bưu chính nhưng chưa có địa chỉ nhận. Hãy nhập địa chỉ.</translation>
    </message>
</context>
</TS>
