//! Art 12, 13: the rights, basic public services and conveniences of a permit holder — held
//! only while a permit is held and its functions are active on the assessment day.
//!
//! Ids are the contract's (RULES-china-2016.md §4), in its order: the three Art 12 rights, the
//! six Art 12 services, the seven Art 13 conveniences.

use super::articles::Article;
use super::outcome::{Function, PermitOutcome, PermitStatus};
use crate::date::{format_iso as d, DayNum};
use crate::explain::{Explain, ExplanationLine, Trace};
use crate::vocab::{words, Word, WordSet};

words! {
    /// A right, service or convenience of a permit holder (stable ids).
    pub enum Entitlement {
        /// Art 12: employment.
        Employment = 0 => "employment", "依法享受劳动就业的权利", "the right to employment";
        /// Art 12: social insurance.
        SocialInsurance = 1 => "social_insurance", "参加社会保险", "joining social insurance";
        /// Art 12: the housing provident fund.
        HousingProvidentFund = 2 => "housing_provident_fund", "缴存、提取和使用住房公积金", "paying into, drawing and using the housing provident fund";
        /// Art 12 i1.
        CompulsoryEducation = 3 => "compulsory_education", "义务教育", "compulsory education";
        /// Art 12 i2.
        PublicEmploymentServices = 4 => "public_employment_services", "基本公共就业服务", "basic public employment services";
        /// Art 12 i3.
        PublicHealthAndFamilyPlanningServices = 5 => "public_health_and_family_planning_services", "基本公共卫生服务和计划生育服务", "basic public health and family-planning services";
        /// Art 12 i4.
        PublicCultureAndSports = 6 => "public_culture_and_sports", "公共文化体育服务", "public culture and sports services";
        /// Art 12 i5.
        LegalAidAndLegalServices = 7 => "legal_aid_and_legal_services", "法律援助和其他法律服务", "legal aid and other legal services";
        /// Art 12 i6.
        OtherBasicPublicServices = 8 => "other_basic_public_services", "国家规定的其他基本公共服务", "other basic public services set by the state";
        /// Art 13 i1.
        ExitEntryDocuments = 9 => "exit_entry_documents", "办理出入境证件", "applying for exit-entry documents";
        /// Art 13 i2.
        IdCardRenewalAndReplacement = 10 => "id_card_renewal_and_replacement", "换领、补领居民身份证", "renewing and replacing the identity card";
        /// Art 13 i3.
        MotorVehicleRegistration = 11 => "motor_vehicle_registration", "机动车登记", "motor vehicle registration";
        /// Art 13 i4.
        DrivingLicence = 12 => "driving_licence", "申领机动车驾驶证", "applying for a driving licence";
        /// Art 13 i5.
        ProfessionalQualificationExams = 13 => "professional_qualification_exams", "报名参加职业资格考试、申请授予职业资格", "professional qualification exams and titles";
        /// Art 13 i6.
        BirthServiceRegistration = 14 => "birth_service_registration", "办理生育服务登记和其他计划生育证明材料", "birth service registration and family-planning certificates";
        /// Art 13 i7.
        OtherConveniences = 15 => "other_conveniences", "国家规定的其他便利", "other conveniences set by the state";
    }
}

impl Entitlement {
    /// The provision granting it.
    pub fn article(self) -> Article {
        // Codes 0–2 are Art 12's rights; 3–8 its items i1–i6 (article codes 10–15); 9–15
        // Art 13's items i1–i7 (article codes 16–22).
        match self.code() {
            0..=2 => Article::Rp12,
            c => Article::from_code(Article::Rp12I1.code() + c - 3).unwrap_or(Article::Rp12),
        }
    }
}

/// A set of entitlements, listed in catalogue order.
pub type Entitlements = WordSet<Entitlement>;

/// All sixteen: the Art 12 rights and services and the Art 13 conveniences.
pub const ALL: Entitlements = Entitlements::from_bits((1 << 16) - 1);

/// Why the holder does or does not hold the rights today.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// A permit held, functions active.
    Active,
    /// Functions suspended since this day (a missed endorsement).
    Suspended(DayNum),
    /// No permit held on the assessment day.
    NotHeld,
}

/// Decides the entitlements held on the assessment day.
#[inline]
pub(crate) fn decide<T: Trace<super::Step>>(permit: &PermitOutcome, t: &mut T) -> Entitlements {
    let standing = match (permit.status, permit.function) {
        (PermitStatus::Held, Some(Function::Active)) => Standing::Active,
        (PermitStatus::Held, Some(Function::Suspended)) => {
            Standing::Suspended(permit.suspended_since.unwrap_or_default())
        }
        _ => Standing::NotHeld,
    };
    t.step(|| Step::Rights(standing));
    if standing == Standing::Active {
        ALL
    } else {
        Entitlements::EMPTY
    }
}

/// The steps of the entitlements decision (Art 12, 13), each with its provision and words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Step {
    /// The holder's standing.
    Rights(Standing),
}

impl Explain for Step {
    fn words(&self) -> ExplanationLine {
        match *self {
            Step::Rights(Standing::Active) => ExplanationLine::new(
                "rp12",
                "持有居住证且使用功能正常：在居住地享有劳动就业、社会保险、住房公积金权利，第十二条所列基本公共服务和第十三条所列便利。".into(),
                "A permit is held and its functions are active: the holder has the Art 12 rights (employment, social insurance, housing provident fund) and basic public services, and the Art 13 conveniences.".into(),
            ),
            Step::Rights(Standing::Suspended(since)) => ExplanationLine::new(
                "rp10.p3",
                format!("居住证使用功能自{}起中止：第十二条、第十三条的权利、服务和便利在补办签注前不能凭证享受。", d(since)),
                format!("The permit's functions have been suspended since {}: the Art 12 and 13 rights, services and conveniences cannot be claimed with it until it is endorsed.", d(since)),
            ),
            Step::Rights(Standing::NotHeld) => ExplanationLine::new(
                "rp12",
                "评估日未持有居住证：第十二条、第十三条的权利、服务和便利以持证为条件。".into(),
                "No permit held on the assessment day: the Art 12 and 13 rights, services and conveniences come with a permit.".into(),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_is_in_contract_order_with_articles() {
        assert_eq!(Entitlement::ALL.len(), 16);
        assert_eq!(ALL.len(), 16);
        assert_eq!(Entitlement::HousingProvidentFund.article().id(), "rp12");
        assert_eq!(Entitlement::CompulsoryEducation.article().id(), "rp12.i1");
        assert_eq!(Entitlement::OtherBasicPublicServices.article().id(), "rp12.i6");
        assert_eq!(Entitlement::ExitEntryDocuments.article().id(), "rp13.i1");
        assert_eq!(Entitlement::OtherConveniences.article().id(), "rp13.i7");
    }
}
