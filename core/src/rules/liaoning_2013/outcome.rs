//! What `liaoning-2013` decides, in compact form: its output vocabularies, and outcomes made of
//! enums, bit sets and day numbers.
//!
//! The rules write these plain values (no strings, no allocation), so the same code serves the
//! per-case assessment — which turns an outcome into [`super::output`] with dates and
//! explanations — and the columnar [`super::batch`] engine, which scatters outcomes into
//! columns. Bindings that want speed read outcomes directly.

use super::input::Category;
use super::{Basis, Entitlements, Interpretations};
use crate::date::DayNum;
use crate::time::TimeOfDay;
use crate::vocab::words;

words! {
    /// The state of a duty on the assessment day (CASES.md "Status words").
    pub enum Status {
        /// Nothing to do.
        NotRequired = 0 => "not_required", "无需办理", "not required";
        /// Not done yet; the deadline has not passed.
        Pending = 1 => "pending", "期限未届满", "pending";
        /// Done on or before the deadline.
        Done = 2 => "done", "已按期办理", "done on time";
        /// Done after the deadline.
        Late = 3 => "late", "逾期办理", "done late";
        /// Not done and the deadline has passed.
        Overdue = 4 => "overdue", "逾期未办理", "overdue";
        /// An Art 11 institution registers the person.
        Institution = 5 => "institution", "由所在单位登记", "registered by the institution";
        /// Reported periodically (Art 11 p2): no fixed deadline.
        Periodic = 6 => "periodic", "定期报送", "reported periodically";
        /// Extension not applied for, and its deadline has passed.
        Missed = 7 => "missed", "未在期限内申请延期", "missed";
        /// No period is fixed and nothing has been declared yet (household events, RULES.md §12).
        NoDeadline = 8 => "no_deadline", "未规定期限，尚未申报", "no fixed deadline; not yet declared";
    }
}

words! {
    /// Which registration a person makes.
    pub enum RegistrationKind {
        /// 寄住登记 (Art 9).
        LodgingRegistration = 0 => "lodging_registration", "寄住登记", "lodging registration";
        /// 流动人口居住登记 (Art 10).
        ResidenceRegistration = 1 => "residence_registration", "流动人口居住登记", "floating-resident registration";
        /// 住宿登记: a foreigner's accommodation registration (Exit and Entry Administration Law Art 39).
        AccommodationRegistration = 2 => "accommodation_registration", "住宿登记", "accommodation registration";
        /// 暂住登记: a Hong Kong, Macao or Taiwan resident's temporary-residence registration.
        TemporaryResidenceRegistration = 3 => "temporary_residence_registration", "暂住登记", "temporary-residence registration";
    }
}

words! {
    /// Who must make the registration.
    pub enum DutyHolder {
        /// The person.
        SelfPerson = 0 => "self", "本人", "the person";
        /// The hotel (Art 11 p1 i1).
        Hotel = 1 => "hotel", "旅馆", "the hotel";
        /// The hospital (Art 11 p1 i2).
        Hospital = 2 => "hospital", "医院", "the hospital";
        /// The school (Art 11 p1 i3).
        School = 3 => "school", "学校", "the school";
        /// The training institution (Art 11 p1 i3).
        TrainingInstitution = 4 => "training_institution", "培训机构", "the training institution";
        /// The relief station (Art 11 p1 i4).
        ReliefStation = 5 => "relief_station", "救助站", "the relief station";
        /// The person from outside the mainland, or whoever hosts them (RULES.md §13).
        SelfOrHost = 6 => "self_or_host", "本人或留宿人", "the person or the host";
    }
}

impl DutyHolder {
    /// The institution that registers a person staying in `a`, if any (Art 11).
    pub fn institution_for(a: super::input::Accommodation) -> Option<DutyHolder> {
        use super::input::Accommodation as A;
        match a {
            A::Residence => None,
            A::Hotel => Some(DutyHolder::Hotel),
            A::Hospital => Some(DutyHolder::Hospital),
            A::School => Some(DutyHolder::School),
            A::Training => Some(DutyHolder::TrainingInstitution),
            A::ReliefStation => Some(DutyHolder::ReliefStation),
        }
    }
}

words! {
    /// Whether the person must, may, or cannot get a Residence Permit.
    pub enum PermitStatus {
        /// Must apply (Art 10 p1).
        Required = 0 => "required", "应当申领", "required";
        /// Exempt, may apply voluntarily (Art 10 p2).
        Optional = 1 => "optional", "免办，可自愿申领", "optional";
        /// Registration only, no permit (Art 11).
        NotIssued = 2 => "not_issued", "只登记，不申领", "not issued (registration only)";
        /// The permit does not concern this person.
        NotApplicable = 3 => "not_applicable", "不适用", "not applicable";
    }
}

words! {
    /// Why a floating person need not hold a permit (Art 10 p2).
    pub enum Exemption {
        /// Studying (就学).
        Student = 0 => "student", "就学", "studying";
        /// Not yet 16 full years old (未满16周岁).
        Under16 = 1 => "under_16", "未满16周岁", "under 16";
    }
}

words! {
    /// What an individual risks under Art 21.
    pub enum Consequence {
        /// Nothing.
        None = 0 => "none", "无", "none";
        /// Ordered to register or apply by a time limit.
        OrderToCorrect = 1 => "order_to_correct", "责令改正并限期补办", "ordered to correct by a time limit";
        /// Entered in the personal credit record.
        CreditRecord = 2 => "credit_record", "记入个人信用档案", "entered in the personal credit record";
        /// A warning, and a fine may be added (a foreigner not registered in time, eel76.p1.i6).
        WarningAndOptionalFine = 3 => "warning_and_optional_fine", "警告，可以并处罚款", "a warning, and a fine may be added";
        /// A warning or a fine (a Taiwan resident not registered in time, tw34).
        WarningOrFine = 4 => "warning_or_fine", "警告或者罚款", "a warning or a fine";
    }
}

words! {
    /// Where a reporter stands on the Art 22 ladder.
    pub enum PenaltyStage {
        /// Nothing.
        None = 0 => "none", "无", "none";
        /// Ordered to correct by a time limit.
        OrderToCorrect = 1 => "order_to_correct", "责令限期改正", "ordered to correct by a time limit";
        /// Fined per person falsely reported or concealed, and entered in the credit record.
        FineAndCreditRecord = 2 => "fine_and_credit_record", "罚款并记入信用档案", "fine and credit-record entry";
    }
}

words! {
    /// The authority that imposes a fine.
    pub enum Authority {
        /// The county public security organ (县公安机关).
        CountyPublicSecurity = 0 => "county_public_security", "县公安机关", "county public security organ";
    }
}

words! {
    /// Whether the category was given or derived.
    pub enum CategorySource {
        /// The caller gave it.
        Given = 0 => "given", "依输入", "given";
        /// Derived from `overseas`, `hukou_region` and `living_at_hukou`.
        Derived = 1 => "derived", "推定", "derived";
    }
}

/// The registration decision (Art 9, 10, 11).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RegistrationOutcome {
    /// Whether a registration is required.
    pub required: bool,
    /// Which registration.
    pub kind: Option<RegistrationKind>,
    /// Who makes it.
    pub duty_holder: Option<DutyHolder>,
    /// When it is due (none for institutions).
    pub deadline: Option<DayNum>,
    /// The hour on the deadline day when a limit in hours ends (RULES.md §13, O1).
    pub deadline_time: Option<TimeOfDay>,
    /// Its state on the assessment day.
    pub status: Status,
    /// The provisions relied on.
    pub basis: Basis,
}

/// The permit decision (Art 10–13).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PermitOutcome {
    /// Required, optional, not issued, or not applicable.
    pub status: PermitStatus,
    /// Why it is optional.
    pub exemption: Option<Exemption>,
    /// The day the person reaches 16 full years, where the under-16 exemption applies or applied.
    pub reaches_16_on: Option<DayNum>,
    /// When the application is due (required permits only).
    pub deadline: Option<DayNum>,
    /// The application's state.
    pub application_status: Status,
    /// Last day of validity of the permit held.
    pub expires_on: Option<DayNum>,
    /// Whether the permit held is valid on the assessment day.
    pub valid: Option<bool>,
    /// Latest day to apply for an extension.
    pub extension_deadline: Option<DayNum>,
    /// The extension's state.
    pub extension_status: Option<Status>,
    /// The provisions relied on.
    pub basis: Basis,
}

/// One change of registered content (Art 13 p1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChangeOutcome {
    /// The day of the change.
    pub changed_on: DayNum,
    /// When its report is due.
    pub deadline: DayNum,
    /// The report's state.
    pub status: Status,
}

/// Everything decided about a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PersonOutcome {
    /// The category.
    pub category: Category,
    /// Given or derived.
    pub category_source: CategorySource,
    /// Registration.
    pub registration: RegistrationOutcome,
    /// Residence Permit.
    pub permit: PermitOutcome,
    /// Rights held on the assessment day.
    pub entitlements: Entitlements,
    /// What the person risks: Art 21, or for a person from outside the mainland the penalty of
    /// the law Art 25 hands them to (RULES.md §13).
    pub consequence: Consequence,
    /// Lowest fine, yuan (0 where no fine).
    pub fine_min_yuan: u32,
    /// Highest fine, yuan (0 where no fine).
    pub fine_max_yuan: u32,
    /// Interpretations applied.
    pub interpretations: Interpretations,
    /// Whether a deadline relied on a year without official calendar data.
    pub calendar_provisional: bool,
}

/// Everything decided about a reporter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReporterOutcome {
    /// When the report is due (none for periodic reporters).
    pub deadline: Option<DayNum>,
    /// The report's state.
    pub status: Status,
    /// The provisions of the reporting duty.
    pub basis: Basis,
    /// Stage on the Art 22 ladder.
    pub stage: PenaltyStage,
    /// Lowest fine, yuan.
    pub fine_min_yuan: u64,
    /// Highest fine, yuan.
    pub fine_max_yuan: u64,
    /// Who fines.
    pub authority: Option<Authority>,
    /// The provisions of the penalty.
    pub penalty_basis: Basis,
    /// Interpretations applied.
    pub interpretations: Interpretations,
    /// Whether the deadline relied on a year without official calendar data.
    pub calendar_provisional: bool,
}
