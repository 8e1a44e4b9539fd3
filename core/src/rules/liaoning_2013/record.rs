//! The records of `liaoning-2013`, declared once: the person and reporter input fields (with
//! the batch columns that carry person fields) and the batch output columns.
//!
//! The JSON reader ([`super::input`]) knows exactly these fields; the batch engine's
//! [`PersonRow`] / [`PersonColumns`] and [`PersonBatch`] / [`PersonColumnsMut`] /
//! [`PersonAddedColumnsMut`] are generated from the same lists; the C struct `juzhu_person` and the Python column lists are checked
//! against them by tests.

use super::entitlements::Entitlement;
use super::household::{Declarant, EventKind};
use super::input::{Accommodation, Area, Category, ReporterKind};
use super::interpretations::Interpretation;
use super::outcome::{CategorySource, Consequence, DutyHolder, Exemption, PermitStatus, RegistrationKind, Status};
use super::overseas::OverseasKind;
use crate::record::{input_record, output_record, Kind};
use crate::vocab::Word;

input_record! {
    /// Every input field of `liaoning-2013` (CASES.md), by path.
    fields FIELDS;
    /// One person's input as a row of the batch columns: codes ([`crate::batch::NULL_CODE`]
    /// absent), flags 0/1, division codes as numbers ([`crate::batch::NULL_REGION`] absent),
    /// day numbers ([`crate::batch::NULL_DAY`] absent).
    row PersonRow;
    /// The person input columns of a batch; `None` = absent for every row. Every present column
    /// has `len` entries.
    columns PersonColumns;
    batch {
        category ["人口类别"]: word(Category) = "person.category", "population category (Art 24), or derived from the fields below", "人口类别（第二十四条），缺省时由下列字段推定";
        overseas ["境外人员"]: flag = "person.overseas", "from outside the mainland (used when category is absent)", "来自境外（未给出 category 时使用）";
        hukou_region ["户籍地区划代码"]: region = "person.hukou_region", "GB/T 2260 code of the hukou (used when category is absent)", "户籍地的 GB/T 2260 行政区划代码（未给出 category 时使用）";
        residence_region ["居住地区划代码"]: region = "person.residence_region", "GB/T 2260 code of the residence: must lie in Liaoning (21…)", "居住地的 GB/T 2260 行政区划代码：须在辽宁省内（21…）";
        living_at_hukou ["居住在户籍地"]: flag = "person.living_at_hukou", "lives at the hukou address (used when category is absent)", "居住在户籍地址（未给出 category 时使用）";
        birth_date ["出生日期"]: date = "person.birth_date", "date of birth", "出生日期";
        arrival_date ["到达日期"]: date = "person.arrival_date", "day of arrival at the residence (lodging and floating persons)", "到达居住地之日（寄住人口和流动人口）";
        planned_departure ["拟离开日期"]: date = "person.planned_departure", "planned day of departure; absent = open-ended stay", "拟离开之日；缺省为不定期居住";
        accommodation ["居住场所"]: word(Accommodation) = "person.accommodation", "where the person stays (default residence)", "居住场所（默认 residence，住所）";
        studying ["就学"]: flag = "person.studying", "studying (就学, Art 10 p2)", "就学（第十条第二款）";
        wants_permit ["自愿申领居住证"]: flag = "person.wants_permit", "wishes to apply for a permit voluntarily", "本人自愿申领居住证";
        registered_on ["登记日期"]: date = "person.registered_on", "day the registration was made", "办理居住登记之日";
        permit_applied_on ["居住证申领日期"]: date = "person.permit_applied_on", "day the permit application was made", "申领居住证之日";
        permit_issued_on ["居住证签发日期"]: date = "person.permit.issued_on", "issue day of the permit held (absent: none held)", "所持居住证的签发日期（缺省：未持有）";
        permit_validity_years ["居住证有效期年限"]: whole(1, 3) = "person.permit.validity_years", "validity of the permit held: 1, 2 or 3 years", "所持居住证的有效期：1年、2年或3年";
        permit_extension_applied_on ["居住证延期申请日期"]: date = "person.permit.extension_applied_on", "day the extension was applied for", "申请延期之日";
        correction_deadline ["责令改正期限"]: date = "person.correction_deadline", "time limit set by the police under Art 21 (on or before the duty's deadline: refused)", "公安机关依第二十一条责令改正的期限（在义务期限当日或之前的，输入有误）";
        overseas_kind ["境外人员身份"]: word(OverseasKind) = "person.overseas_kind", "who a person from outside the mainland is (overseas persons only)", "境外人员的身份（仅限境外人员）";
        arrival_time ["入住时刻"]: time = "person.arrival_time", "time of moving in, HH:MM (overseas persons only)", "入住时刻，HH:MM（仅限境外人员）";
        area ["城乡"]: word(Area) = "person.area", "town or village, for the hours of a registration (overseas persons only; default urban)", "城市或农村，用于确定登记时限（仅限境外人员；默认城市）";
        id_number ["公民身份号码", "身份证号码", "身份证号"]: id = "person.id_number", "citizen identity number; supplies the date of birth when none is given (checked against it when one is)", "公民身份号码；未给出出生日期时据以确定，给出时据以核对";
    }
    json {
        "person.permit": Kind::Object, "the Residence Permit held (Art 13)", "所持居住证（第十三条）";
        "person.changes": Kind::List, "changes of registered content (Art 13 p1)", "登记内容变更（第十三条第一款）";
        "person.changes.changed_on": Kind::Date, "day the registered content changed", "登记内容变更之日";
        "person.changes.reported_on": Kind::Date, "day the change was reported", "申报变更之日";
        "person.household_events": Kind::List, "household-registration events (Art 8; permanent and lodging persons)", "户口登记事项（第八条；常住人口和寄住人口）";
        "person.household_events.kind": Kind::Word(<EventKind as Word>::vocabulary), "what happened", "发生的事项";
        "person.household_events.on": Kind::Date, "the day it happened", "事项发生之日";
        "person.household_events.area": Kind::Word(<Area as Word>::vocabulary), "town or village (deaths and move-ins)", "城市或农村（死亡和迁入）";
        "person.household_events.reported_on": Kind::Date, "day it was declared", "申报之日";
        "person.household_events.reported_by": Kind::Word(<Declarant as Word>::vocabulary), "who declared it", "申报人";
        "person.household_events.burial_on": Kind::Date, "day of the burial (deaths)", "安葬之日（死亡）";
        "reporter": Kind::Object, "an employer, agency, landlord or institution (Art 11 p2, 14, 22)", "用人单位、中介机构、房屋出租人或有关单位（第十一条第二款、第十四条、第二十二条）";
        "reporter.kind": Kind::Word(<ReporterKind as Word>::vocabulary), "kind of reporter", "报告人类别";
        "reporter.registered_on": Kind::Date, "day the reporter registered the person's information", "报告人登记该人员基本信息之日";
        "reporter.reported_on": Kind::Date, "day the information was reported to the police station", "向公安派出所报送信息之日";
        "reporter.false_reports": Kind::Whole { min: 0, max: u32::MAX as u64 }, "persons falsely reported (谎报)", "谎报人数";
        "reporter.concealed": Kind::Whole { min: 0, max: u32::MAX as u64 }, "persons concealed (瞒报)", "瞒报人数";
        "reporter.correction_deadline": Kind::Date, "time limit set by the police under Art 22", "公安机关依第二十二条责令改正的期限";
        "reporter.corrected_on": Kind::Date, "day the reporter corrected the report", "报告人改正之日";
    }
}

output_record! {
    /// The person output columns of the batch engine, in order.
    columns OUTPUTS;
    /// Output columns, owned. Codes are [`Word::code`]s; [`crate::batch::NULL_CODE`] /
    /// [`crate::batch::NULL_DAY`] mark nulls (a refused row is null in every column).
    batch PersonBatch;
    /// Output columns borrowed from the caller (e.g. numpy arrays); each has the batch's length.
    borrowed PersonColumnsMut;
    category ["人口类别"]: word = "category", Kind::Word(<Category as Word>::vocabulary), "population category, as given or derived";
    category_source ["类别来源"]: word = "category_source", Kind::Word(<CategorySource as Word>::vocabulary), "whether the category was given or derived";
    registration_required ["须登记"]: flag = "registration.required", Kind::Flag, "a registration is required";
    registration_kind ["登记种类"]: word = "registration.kind", Kind::Word(<RegistrationKind as Word>::vocabulary), "which registration";
    registration_duty_holder ["登记义务人"]: word = "registration.duty_holder", Kind::Word(<DutyHolder as Word>::vocabulary), "who makes it";
    registration_deadline ["登记期限"]: date = "registration.deadline", Kind::Date, "when it is due";
    registration_status ["登记状态"]: word = "registration.status", Kind::Word(<Status as Word>::vocabulary), "its state on the assessment day";
    permit_status ["居住证状态"]: word = "permit.status", Kind::Word(<PermitStatus as Word>::vocabulary), "required, optional, not issued or not applicable";
    permit_exemption ["可不申领居住证的原因"]: word = "permit.exemption", Kind::Word(<Exemption as Word>::vocabulary), "why it is optional";
    permit_reaches_16_on ["年满十六周岁之日"]: date = "permit.reaches_16_on", Kind::Date, "the day the person reaches 16 full years (I3)";
    permit_deadline ["居住证申领期限"]: date = "permit.deadline", Kind::Date, "when a required application is due";
    permit_application_status ["居住证申领状态"]: word = "permit.application_status", Kind::Word(<Status as Word>::vocabulary), "the application's state";
    permit_expires_on ["居住证有效期届满日"]: date = "permit.expires_on", Kind::Date, "last day of validity of the permit held";
    permit_valid ["居住证有效"]: flag = "permit.valid", Kind::Flag, "the permit held is valid on the assessment day";
    permit_extension_deadline ["居住证延期申请期限"]: date = "permit.extension_deadline", Kind::Date, "latest day to apply for an extension (I6)";
    permit_extension_status ["居住证延期状态"]: word = "permit.extension_status", Kind::Word(<Status as Word>::vocabulary), "the extension's state";
    consequence ["法律后果"]: word = "consequence", Kind::Word(<Consequence as Word>::vocabulary), "what the person risks under Art 21";
    entitlements ["享有的权利和服务"]: bits32 = "entitlements", Kind::Words(<Entitlement as Word>::vocabulary), "rights held on the assessment day (bit k = entitlement code k)";
    interpretations ["适用的解释"]: bits16 = "interpretations", Kind::Words(<Interpretation as Word>::vocabulary), "interpretations applied (bit k = code k)";
    calendar_provisional ["日历为推定"]: flag = "calendar_provisional", Kind::Flag, "a deadline relied on a year without official calendar data";
    /// The output columns added in 0.2 (RULES.md §13), borrowed apart from the first release's.
    added PersonAddedColumnsMut;
    registration_deadline_time ["登记期限时刻"]: time = "registration.deadline_time", Kind::Time, "the hour a limit in hours ends on the deadline day (minutes after midnight)";
    fine_min_yuan ["罚款下限（元）"]: whole = "fine_min_yuan", Kind::Whole { min: 0, max: u32::MAX as u64 }, "lowest fine, yuan (0 where none)";
    fine_max_yuan ["罚款上限（元）"]: whole = "fine_max_yuan", Kind::Whole { min: 0, max: u32::MAX as u64 }, "highest fine, yuan (0 where none)";
}
