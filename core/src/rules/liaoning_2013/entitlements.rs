//! Art 17, 18, 19: what a person may claim on the assessment day.
//!
//! - Art 18: a floating person holding a permit valid on the day has the same rights as
//!   permanent residents in eleven matters (i1–i11).
//! - Art 19: every floating person — the text sets no permit condition — has equal health
//!   public services (i1–i7).
//! - Art 17: a lodging person whose lodging registration is done may ask the police station for
//!   three certificates.
//!
//! Ids are the contract's; the order is RULES.md §4's (Art 18, then 19, then 17).

use super::articles::Article;
use super::facts::PersonFacts;
use super::input::Category;
use super::outcome::PermitOutcome;
use super::Ctx;
use crate::date::{format_iso as d, DayNum};
use crate::explain::{Explain, ExplanationLine, Trace};
use crate::vocab::{words, Word, WordSet};

words! {
    /// A right or public service (stable ids, RULES.md §4).
    pub enum Entitlement {
        /// Art 18 i1.
        SocialInsurance = 0 => "social_insurance", "依法参加社会保险、享受社会保障待遇", "join social insurance and receive its benefits";
        /// Art 18 i2.
        PublicRentalHousing = 1 => "public_rental_housing", "申请公共租赁住房", "apply for public rental housing";
        /// Art 18 i3.
        DrivingAndVehicleRegistration = 2 => "driving_and_vehicle_registration", "申领驾驶证，办理机动车、非机动车登记", "driving licence and vehicle registration";
        /// Art 18 i4.
        HkMacaoTravelDocuments = 3 => "hk_macao_travel_documents", "办理港澳商务签证、边境通行证件", "Hong Kong / Macao business endorsements and border passes";
        /// Art 18 i5.
        BusinessAndTaxRegistration = 4 => "business_and_tax_registration", "办理工商、税务登记", "business and tax registration";
        /// Art 18 i6.
        ProfessionalQualificationRegistration = 5 => "professional_qualification_registration", "专业技术职务任职资格登记", "register for professional-title qualifications";
        /// Art 18 i7.
        ChildrenEducation = 6 => "children_education", "共同居住的子女接受义务教育、高中阶段教育，参加中考、高考", "children living with the holder: compulsory and senior-high schooling, zhongkao and gaokao";
        /// Art 18 i8.
        CommunityParticipation = 7 => "community_participation", "参加社区组织和社会事务管理", "take part in community organisations and local affairs";
        /// Art 18 i9.
        DisputeResolutionAndLegalAid = 8 => "dispute_resolution_and_legal_aid", "请求调处纠纷、获得法律援助", "dispute mediation and legal aid";
        /// Art 18 i10.
        SurvivalAndCriminalRecordCertificates = 9 => "survival_and_criminal_record_certificates", "开具生存证明、有无犯罪记录证明", "survival and criminal-record certificates";
        /// Art 18 i11.
        OtherPrescribedRights = 10 => "other_prescribed_rights", "国家、省、市规定的其他权益", "other rights set by the state, province or city";
        /// Art 19 i1.
        FamilyPlanningEducation = 11 => "family_planning_education", "免费参加计划生育与生殖健康知识普及", "free family-planning and reproductive-health education";
        /// Art 19 i2.
        PreconceptionAndEarlyChildhoodGuidance = 12 => "preconception_and_early_childhood_guidance", "免费孕前优生咨询和婴幼儿早期教育指导", "free pre-conception and early-childhood guidance";
        /// Art 19 i3.
        FamilyPlanningTechnicalServices = 13 => "family_planning_technical_services", "免费计划生育技术服务", "free family-planning technical services";
        /// Art 19 i4.
        CappedPricePrenatalAndDelivery = 14 => "capped_price_prenatal_and_delivery", "限价产前检查和住院分娩", "capped-price prenatal checks and hospital delivery";
        /// Art 19 i5.
        ChildImmunization = 15 => "child_immunization", "共同居住的未成年子女预防接种、计划免疫", "immunisation of minor children living with them";
        /// Art 19 i6.
        InfectiousDiseaseControl = 16 => "infectious_disease_control", "传染病防治", "infectious-disease prevention and treatment";
        /// Art 19 i7.
        OtherPrescribedHealthServices = 17 => "other_prescribed_health_services", "国家、省、市规定的其他公共服务", "other public services set by the state, province or city";
        /// Art 17.
        ResidenceCertificate = 18 => "residence_certificate", "开具居住证明", "residence certificate";
        /// Art 17.
        SurvivalCertificate = 19 => "survival_certificate", "开具生存证明", "survival certificate";
        /// Art 17.
        CriminalRecordCertificate = 20 => "criminal_record_certificate", "开具有无犯罪记录证明", "criminal-record certificate";
    }
}

impl Entitlement {
    /// The provision granting it.
    pub fn article(self) -> Article {
        // Codes 0–10 map to Art 18 i1–i11 and 11–17 to Art 19 i1–i7, in order.
        let code = self.code();
        match code {
            0..=17 => Article::from_code(Article::Art18I1.code() + code).unwrap_or(Article::Art17),
            _ => Article::Art17,
        }
    }
}

/// A set of entitlements, listed in catalogue order.
pub type Entitlements = WordSet<Entitlement>;

/// All eleven Art 18 rights.
pub const ART18: Entitlements = Entitlements::from_bits(0x7FF);
/// All seven Art 19 services.
pub const ART19: Entitlements = Entitlements::from_bits(0x7F << 11);
/// The three Art 17 certificates.
pub const ART17: Entitlements = Entitlements::from_bits(0x7 << 18);

/// The permit's standing for Art 18.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PermitStanding {
    /// Valid through `expires`.
    Valid(i32),
    /// Expired on `expires`.
    Expired(i32),
    /// No permit held on the assessment day.
    NotHeld,
}

/// Decides the entitlements held on the assessment day.
#[inline]
pub(crate) fn decide<T: Trace<super::Step>>(
    f: &PersonFacts,
    permit: &PermitOutcome,
    cx: &Ctx,
    t: &mut T,
) -> Entitlements {
    match f.category {
        Category::Floating => {
            let standing = match (permit.valid, permit.expires_on) {
                (Some(true), Some(e)) => PermitStanding::Valid(e),
                (Some(false), Some(e)) => PermitStanding::Expired(e),
                _ => PermitStanding::NotHeld,
            };
            t.step(|| Step::Art18(standing));
            t.step(|| Step::Art19);
            match standing {
                PermitStanding::Valid(_) => ART18 | ART19,
                _ => ART19,
            }
        }
        Category::Lodging => {
            let registered = f.registered_on.filter(|&d| d <= cx.as_of);
            t.step(|| Step::Art17 { registered });
            if registered.is_some() {
                ART17
            } else {
                Entitlements::EMPTY
            }
        }
        Category::Permanent | Category::Overseas => Entitlements::EMPTY,
    }
}

/// The steps of the entitlements decision (Art 17, 18, 19), each with its provision and words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Step {
    /// Art 18 rights.
    Art18(PermitStanding),
    /// Art 19 services.
    Art19,
    /// Art 17 certificates.
    Art17 { registered: Option<DayNum> },
}

impl Explain for Step {
    fn words(&self) -> ExplanationLine {
        match *self {
            Step::Art18(standing) => ExplanationLine::new(
                "art18",
                match standing {
                PermitStanding::Valid(e) => format!("持有效期至{}的居住证：在第十八条所列十一个方面享有与常住人口同等的权益。", d(e)),
                PermitStanding::Expired(e) => format!("居住证已于{}期满：第十八条权益以持有效居住证为条件。", d(e)),
                PermitStanding::NotHeld => "评估日未持居住证：第十八条权益以持证为条件。".into(),
            },
                match standing {
                PermitStanding::Valid(e) => format!("Holding a permit valid through {}: the same rights as permanent residents in the eleven matters of Art 18.", d(e)),
                PermitStanding::Expired(e) => format!("The permit expired on {}: the Art 18 rights need a valid permit.", d(e)),
                PermitStanding::NotHeld => "No permit held on the assessment day: the Art 18 rights need one.".into(),
            },
            ),
            Step::Art19 => ExplanationLine::new(
                "art19",
                "流动人口均享有第十九条所列同等健康公共服务（不以持证为条件）。".into(),
                "Every floating person has equal health public services under Art 19 (no permit needed).".into(),
            ),
            Step::Art17 { registered: Some(r) } => ExplanationLine::new(
                "art17",
                format!("已于{}申报寄住登记：可向公安派出所申请开具居住证明、生存证明、有无犯罪记录证明。", d(r)),
                format!(
                "Lodging registration made on {}: may ask the police station for residence, survival and criminal-record certificates.",
                d(r)
            ),
            ),
            Step::Art17 { registered: None } => ExplanationLine::new(
                "art17",
                "尚未申报寄住登记：第十七条的证明以登记为前提。".into(),
                "No lodging registration made yet: the Art 17 certificates need one.".into(),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_is_in_contract_order_with_articles() {
        assert_eq!(Entitlement::ALL.len(), 21);
        assert_eq!(Entitlement::SocialInsurance.article().id(), "art18.i1");
        assert_eq!(Entitlement::OtherPrescribedRights.article().id(), "art18.i11");
        assert_eq!(Entitlement::FamilyPlanningEducation.article().id(), "art19.i1");
        assert_eq!(Entitlement::OtherPrescribedHealthServices.article().id(), "art19.i7");
        assert_eq!(Entitlement::CriminalRecordCertificate.article().id(), "art17");
        assert_eq!(ART18.len(), 11);
        assert_eq!(ART19.len(), 7);
        assert_eq!(ART17.len(), 3);
        assert_eq!((ART18 | ART19 | ART17).len(), 21);
    }
}
