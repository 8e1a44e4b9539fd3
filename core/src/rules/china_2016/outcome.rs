//! What `china-2016` decides, in compact form: its output vocabularies, and outcomes made of
//! words, bit sets and day numbers — written by the rules without allocating, read by the
//! per-case output ([`super::output`]) and the batch engine ([`super::batch`]).

use super::entitlements::Entitlements;
use super::{Basis, Interpretations};
use crate::date::DayNum;
use crate::vocab::{words, WordSet};

words! {
    /// Where a person stands with the Residence Permit (RULES-china-2016.md §2).
    pub enum PermitStatus {
        /// Not in another city: the regulation does not apply.
        NotApplicable = 0 => "not_applicable", "不适用（未离开户籍所在城市）", "not applicable (not in another city)";
        /// Another city, but none of the three conditions.
        NotEligible = 1 => "not_eligible", "不符合申领条件", "not eligible (no condition met)";
        /// Another city and a condition, but under half a year of residence.
        NotYetEligible = 2 => "not_yet_eligible", "居住尚不满半年", "not yet eligible (under half a year)";
        /// May apply.
        Eligible = 3 => "eligible", "可以申领", "eligible to apply";
        /// Holds a permit.
        Held = 4 => "held", "持有居住证", "holds a permit";
    }
}

words! {
    /// A condition of Art 2 (any one suffices).
    pub enum Condition {
        /// Lawful stable employment.
        StableEmployment = 0 => "stable_employment", "合法稳定就业", "lawful stable employment";
        /// Lawful stable housing.
        StableHousing = 1 => "stable_housing", "合法稳定住所", "lawful stable housing";
        /// Continuous study.
        ContinuousStudy = 2 => "continuous_study", "连续就读", "continuous study";
    }
}

/// The conditions met, in the order of Art 2.
pub type Conditions = WordSet<Condition>;

words! {
    /// Who may apply on the person's behalf (Art 9 p3): a way of applying, not an exemption.
    pub enum ApplyThrough {
        /// A guardian or close relative.
        GuardianOrCloseRelative = 0 => "guardian_or_close_relative", "监护人、近亲属代为申领", "a guardian or close relative";
    }
}

words! {
    /// The state of an application's issuance (Art 9 p6).
    pub enum IssueStatus {
        /// Not issued yet; the deadline has not passed.
        Pending = 0 => "pending", "期限未届满", "pending";
        /// Issued on or before the deadline.
        Done = 1 => "done", "已按期发放", "issued on time";
        /// Issued after the deadline.
        Late = 2 => "late", "逾期发放", "issued late";
        /// Not issued and the deadline has passed.
        Overdue = 3 => "overdue", "逾期未发放", "overdue";
        /// Applied for on a day the person was not eligible: no deadline runs.
        NotEligible = 4 => "not_eligible", "申领之日不符合条件", "not eligible on the day of application";
    }
}

words! {
    /// The state of one year's endorsement (Art 10).
    pub enum EndorsementStatus {
        /// Endorsed within the window.
        Done = 0 => "done", "已按期签注", "endorsed on time";
        /// Endorsed after the window closed: the functions were suspended until then.
        Late = 1 => "late", "逾期补办签注", "endorsed late";
        /// Not endorsed and the window has closed: the functions are suspended.
        Missed = 2 => "missed", "逾期未签注", "missed";
        /// The window is open now.
        Open = 3 => "open", "签注期内", "window open";
        /// The window has not opened yet.
        Upcoming = 4 => "upcoming", "签注期未到", "upcoming";
    }
}

words! {
    /// Whether the permit's functions work on the assessment day (Art 10 p3).
    pub enum Function {
        /// The permit works.
        Active = 0 => "active", "正常", "active";
        /// Suspended by a missed endorsement.
        Suspended = 1 => "suspended", "中止", "suspended";
    }
}

words! {
    /// What replacing a permit costs (Art 21): a fee the regulation leaves to the State Council's
    /// finance and pricing departments.
    pub enum ReplacementFee {
        /// The card fee (证件工本费).
        CardFee = 0 => "card_fee", "证件工本费", "the card fee";
    }
}

/// One year's endorsement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EndorsementOutcome {
    /// The year, counted from 1 from the anchor in force.
    pub year: u32,
    /// The anniversary: anchor + `year` years.
    pub anniversary: DayNum,
    /// The window's first day.
    pub window_opens: DayNum,
    /// The window's last day (moved off a rest day, except under calendar counting).
    pub window_closes: DayNum,
    /// The endorsement that counted for this year.
    pub endorsed_on: Option<DayNum>,
    /// Its state.
    pub status: EndorsementStatus,
}

/// The permit decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PermitOutcome {
    /// Where the person stands.
    pub status: PermitStatus,
    /// `residing_since` + 6 months, for a person in another city with a condition.
    pub eligible_from: Option<DayNum>,
    /// The Art 2 conditions that hold.
    pub conditions_met: Conditions,
    /// Who may apply for the person.
    pub may_apply_through: Option<ApplyThrough>,
    /// When an eligible application's permit is due.
    pub issue_deadline: Option<DayNum>,
    /// The issuance's state.
    pub issue_status: Option<IssueStatus>,
    /// Whether the held permit works on the assessment day.
    pub function: Option<Function>,
    /// First day of the suspension in force.
    pub suspended_since: Option<DayNum>,
    /// Full years of residence from the anchor in force.
    pub residence_years: Option<u32>,
    /// The anchor in force.
    pub residence_counted_from: Option<DayNum>,
    /// The last endorsement entry: the year now open, upcoming or missed.
    pub next_endorsement: Option<EndorsementOutcome>,
    /// The provisions relied on.
    pub basis: Basis,
}

words! {
    /// A settlement tier of Art 16, by the city's urban population.
    pub enum Tier {
        /// Towns and cities of at most 500 000.
        Small = 0 => "small", "建制镇和小城市", "town or small city";
        /// Over 500 000 and at most 1 000 000.
        Medium = 1 => "medium", "中等城市", "medium city";
        /// Over 1 000 000 and under 5 000 000.
        Large = 2 => "large", "大城市", "large city";
        /// 5 000 000 or more.
        Megacity = 3 => "megacity", "特大城市和超大城市", "megacity";
    }
}

words! {
    /// A condition in a tier's settlement frame.
    pub enum FrameCondition {
        /// Lawful stable employment.
        StableEmployment = 0 => "stable_employment", "合法稳定就业", "lawful stable employment";
        /// Lawful stable employment for some years.
        StableEmploymentYears = 1 => "stable_employment_years", "合法稳定就业达到一定年限", "lawful stable employment for some years";
        /// Lawful stable housing.
        StableHousing = 2 => "stable_housing", "合法稳定住所", "lawful stable housing";
        /// Urban social insurance for some years.
        UrbanSocialInsurance = 3 => "urban_social_insurance", "参加城镇社会保险达到一定年限", "urban social insurance for some years";
        /// A points system.
        Points = 4 => "points", "积分落户", "a points system";
    }
}

words! {
    /// Whether a points system is used for settlement.
    pub enum PointsSystem {
        /// No.
        No = 0 => "no", "不适用积分落户", "no";
        /// The city may set one up.
        Optional = 1 => "optional", "可以建立积分落户制度", "optional";
        /// The city must have one.
        Required = 2 => "required", "应当建立积分落户制度", "required";
    }
}

/// The settlement frame (Art 16).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SettlementOutcome {
    /// The tier.
    pub tier: Tier,
    /// The urban population it was judged on.
    pub population: u64,
}

/// Everything decided about a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// The permit.
    pub permit: PermitOutcome,
    /// Rights, services and conveniences held on the assessment day.
    pub entitlements: Entitlements,
    /// The settlement frame, when the city's population is given.
    pub settlement: Option<SettlementOutcome>,
    /// The offences reported, as a set (listed in the table's order).
    pub penalties: WordSet<super::penalties::Offence>,
    /// Interpretations applied.
    pub interpretations: Interpretations,
    /// Whether a deadline relied on a year without official calendar data.
    pub calendar_provisional: bool,
}
