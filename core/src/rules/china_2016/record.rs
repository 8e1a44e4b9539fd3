//! The records of `china-2016`, declared once: the person and policy input fields (with the
//! batch columns that carry them) and the batch output columns.

use super::entitlements::Entitlement;
use super::interpretations::Interpretation;
use super::outcome::{ApplyThrough, Condition, EndorsementStatus, Function, IssueStatus, PermitStatus};
use super::penalties::Offence;
use crate::record::{input_record, output_record, Kind};
use crate::vocab::Word;

input_record! {
    /// Every input field of `china-2016` (RULES-china-2016.md §8), by path, beyond the shared
    /// envelope.
    fields FIELDS;
    /// One person's input as a row of the batch columns (the endorsements as a span of their list
    /// column's values).
    row PersonRow;
    /// The person input columns of a batch; `None` = absent for every row.
    columns PersonColumns;
    batch {
        hukou_region ["户籍地区划代码"]: region = "person.hukou_region", "GB/T 2260 code of the hukou", "户籍地的 GB/T 2260 行政区划代码";
        residence_region ["居住地区划代码"]: region = "person.residence_region", "GB/T 2260 code of the residence", "居住地的 GB/T 2260 行政区划代码";
        other_city ["居住在其他城市"]: flag = "person.other_city", "the residence is in another city than the hukou (else derived from the codes, R3)", "居住地与户籍地不在同一城市（缺省时依代码推定，R3）";
        overseas ["境外人员"]: flag = "person.overseas", "from outside the mainland (outside this regulation: refused)", "来自境外（不适用本条例：输入有误）";
        birth_date ["出生日期"]: date = "person.birth_date", "date of birth", "出生日期";
        residing_since ["居住起始日期"]: date = "person.residing_since", "the day residence in the city began (required)", "在该城市开始居住之日（必填）";
        stable_employment ["合法稳定就业"]: flag = "person.stable_employment", "lawful stable employment (Art 2)", "合法稳定就业（第二条）";
        stable_housing ["合法稳定住所"]: flag = "person.stable_housing", "lawful stable housing (Art 2)", "合法稳定住所（第二条）";
        continuous_study ["连续就读"]: flag = "person.continuous_study", "continuous study (Art 2)", "连续就读（第二条）";
        limited_mobility ["行动不便"]: flag = "person.limited_mobility", "an older or disabled person of limited mobility (Art 9 p3)", "行动不便的老年人或残疾人（第九条第三款）";
        permit_applied_on ["居住证申请受理日期"]: date = "person.permit_applied_on", "day the permit application was accepted", "居住证申请受理之日";
        permit_issued_on ["居住证签发日期"]: date = "person.permit.issued_on", "issue day of the permit held (absent: none held)", "所持居住证的签发日期（缺省：未持有）";
        permit_valid_until ["居住证有效期届满日"]: date = "person.permit.valid_until", "validity end of a permit issued before 2016-01-01 (Art 23)", "2016年1月1日前签发的居住证的有效期届满日（第二十三条）";
        permit_endorsed_on ["居住证签注日期"]: dates = "person.permit.endorsed_on", "days the permit was endorsed (Art 10)", "居住证签注之日（第十条）";
        id_number ["公民身份号码", "身份证号码", "身份证号"]: id = "person.id_number", "citizen identity number; supplies the date of birth when none is given (checked against it when one is)", "公民身份号码；未给出出生日期时据以确定，给出时据以核对";
    }
    json {
        "person.permit": Kind::Object, "the Residence Permit held", "所持居住证";
        "person.conduct": Kind::Words(<Offence as Word>::vocabulary), "offences committed (Art 18, 19), each at most once", "违法行为（第十八条、第十九条），每项至多一次";
        "policy.issuance_days": Kind::Whole { min: 15, max: 30 }, "days to issue an accepted application's permit (Art 9 p6; default 15)", "受理申请后签发居住证的天数（第九条第六款；默认15）";
        "policy.city_urban_population": Kind::Whole { min: 1, max: super::input::MAX_POPULATION }, "the city's urban population, for the settlement frame (Art 16)", "城市城区人口数，用于落户条件（第十六条）";
    }
}

output_record! {
    /// The output columns of the batch engine, in order.
    columns OUTPUTS;
    /// Output columns, owned; nulls as in [`crate::batch`].
    batch PersonBatch;
    /// Output columns borrowed from the caller.
    borrowed PersonColumnsMut;
    permit_status ["居住证状态"]: word = "permit.status", Kind::Word(<PermitStatus as Word>::vocabulary), "where the person stands with the permit";
    permit_eligible_from ["可申领之日"]: date = "permit.eligible_from", Kind::Date, "the day half a year of residence is reached";
    permit_conditions_met ["符合的条件"]: bits16 = "permit.conditions_met", Kind::Words(<Condition as Word>::vocabulary), "the Art 2 conditions that hold (bit k = code k)";
    permit_may_apply_through ["可代为申领者"]: word = "permit.may_apply_through", Kind::Word(<ApplyThrough as Word>::vocabulary), "who may apply for the person (Art 9 p3)";
    permit_issue_deadline ["签发期限"]: date = "permit.issue_deadline", Kind::Date, "when an accepted application's permit is due";
    permit_issue_status ["签发状态"]: word = "permit.issue_status", Kind::Word(<IssueStatus as Word>::vocabulary), "the issuance's state";
    permit_function ["居住证效用"]: word = "permit.function", Kind::Word(<Function as Word>::vocabulary), "whether the held permit works on the assessment day";
    permit_suspended_since ["暂停使用之日"]: date = "permit.suspended_since", Kind::Date, "first day of the suspension in force";
    permit_residence_years ["居住年限"]: whole = "permit.residence_years", Kind::Whole { min: 0, max: 300 }, "full years of residence from the anchor in force";
    permit_residence_counted_from ["居住年限起算日"]: date = "permit.residence_counted_from", Kind::Date, "the anchor in force";
    endorsement_year ["签注年度"]: whole = "permit.endorsements.-1.year", Kind::Whole { min: 1, max: 300 }, "the year of the last endorsement entry (now open, upcoming or missed)";
    endorsement_anniversary ["签注周年日"]: date = "permit.endorsements.-1.anniversary", Kind::Date, "its anniversary";
    endorsement_window_opens ["签注期起始日"]: date = "permit.endorsements.-1.window_opens", Kind::Date, "its window's first day";
    endorsement_window_closes ["签注期截止日"]: date = "permit.endorsements.-1.window_closes", Kind::Date, "its window's last day";
    endorsement_status ["签注状态"]: word = "permit.endorsements.-1.status", Kind::Word(<EndorsementStatus as Word>::vocabulary), "its state";
    entitlements ["享有的权利和服务"]: bits32 = "entitlements", Kind::Words(<Entitlement as Word>::vocabulary), "rights, services and conveniences held (bit k = code k)";
    interpretations ["适用的解释"]: bits16 = "interpretations", Kind::Words(<Interpretation as Word>::vocabulary), "interpretations applied (bit k = code k)";
    calendar_provisional ["日历为推定"]: flag = "calendar_provisional", Kind::Flag, "a deadline relied on a year without official calendar data";
}
