//! Art 18, 19: conduct and its penalties. The library reports the measures the articles attach
//! to each offence listed in `person.conduct`; it changes nothing else in the assessment and
//! revokes nothing (the seizure of Art 19 p2 is listed as a measure).

use super::articles::{Article, Basis};
use crate::explain::{Explain, ExplanationLine, Trace};
use crate::vocab::{words, Word, WordSet};

words! {
    /// An offence of Art 18 or 19 (the table's order).
    pub enum Offence {
        /// Obtaining a permit with false documents (Art 18 i1).
        FalseDocuments = 0 => "false_documents", "使用虚假证明材料骗领居住证", "obtaining a permit with false documents";
        /// Renting out, lending or transferring a permit (Art 18 i2).
        RentLendTransfer = 1 => "rent_lend_transfer", "出租、出借、转让居住证", "renting out, lending or transferring a permit";
        /// Unlawfully withholding another's permit (Art 18 i3).
        WithholdingPermit = 2 => "withholding_permit", "非法扣押他人居住证", "unlawfully withholding another's permit";
        /// Using another's permit or a fraudulently obtained one (Art 19 p1 i1).
        UsingOthersPermit = 3 => "using_others_permit", "冒用他人居住证或者使用骗领的居住证", "using another's permit or a fraudulently obtained one";
        /// Buying, selling or using a forged or altered permit (Art 19 p1 i2).
        ForgedPermit = 4 => "forged_permit", "购买、出售、使用伪造、变造的居住证", "buying, selling or using a forged or altered permit";
    }
}

words! {
    /// A measure a penalty article attaches (in the order of the article's wording).
    pub enum Measure {
        /// A warning.
        Warning = 0 => "warning", "警告", "a warning";
        /// An order to correct.
        OrderToCorrect = 1 => "order_to_correct", "责令改正", "an order to correct";
        /// A fine.
        Fine = 2 => "fine", "罚款", "a fine";
        /// Confiscation of illegal gains.
        ConfiscationOfIllegalGains = 3 => "confiscation_of_illegal_gains", "没收违法所得", "confiscation of illegal gains";
        /// Seizure of the permit (Art 19 p2).
        SeizureOfPermit = 4 => "seizure_of_permit", "收缴居住证", "seizure of the permit";
    }
}

words! {
    /// Who imposes the penalties.
    pub enum Authority {
        /// The public security organs.
        PublicSecurity = 0 => "public_security", "公安机关", "the public security organs";
    }
}

/// What the law attaches to an offence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Penalty {
    /// The measures, in the article's order.
    pub measures: &'static [Measure],
    /// Lowest fine, yuan.
    pub fine_min_yuan: u64,
    /// Highest fine, yuan.
    pub fine_max_yuan: u64,
    /// The provision.
    pub article: Article,
}

const ART18: &[Measure] =
    &[Measure::Warning, Measure::OrderToCorrect, Measure::Fine, Measure::ConfiscationOfIllegalGains];
const ART19: &[Measure] = &[Measure::Fine, Measure::ConfiscationOfIllegalGains, Measure::SeizureOfPermit];

impl Offence {
    /// The penalty Art 18 or 19 attaches.
    pub fn penalty(self) -> Penalty {
        let (measures, fine_min_yuan, fine_max_yuan, article) = match self {
            Offence::FalseDocuments => (ART18, 0, 200, Article::Rp18I1),
            Offence::RentLendTransfer => (ART18, 0, 200, Article::Rp18I2),
            Offence::WithholdingPermit => (ART18, 0, 200, Article::Rp18I3),
            Offence::UsingOthersPermit => (ART19, 200, 1000, Article::Rp19P1I1),
            Offence::ForgedPermit => (ART19, 200, 1000, Article::Rp19P1I2),
        };
        Penalty { measures, fine_min_yuan, fine_max_yuan, article }
    }

    /// The penalty's basis: the offence's item alone.
    pub fn basis(self) -> Basis {
        Basis::EMPTY.with(self.penalty().article)
    }
}

/// Reports the penalties of the offences listed.
#[inline]
pub(crate) fn decide<T: Trace<super::Step>>(conduct: WordSet<Offence>, t: &mut T) -> WordSet<Offence> {
    for offence in conduct.iter() {
        t.step(|| Step::Offence(offence));
    }
    conduct
}

/// The steps of the penalty decision, each with its provision and words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Step {
    /// One offence and what it carries.
    Offence(Offence),
}

impl Explain for Step {
    fn words(&self) -> ExplanationLine {
        let Step::Offence(o) = *self;
        let p = o.penalty();
        let zh: Vec<&str> = p.measures.iter().map(|m| m.zh()).collect();
        let en: Vec<&str> = p.measures.iter().map(|m| m.en()).collect();
        let (fine_zh, fine_en) = if p.fine_min_yuan == 0 {
            (format!("罚款{}元以下", p.fine_max_yuan), format!("fine up to {} yuan", p.fine_max_yuan))
        } else {
            (
                format!("罚款{}元以上{}元以下", p.fine_min_yuan, p.fine_max_yuan),
                format!("fine {} to {} yuan", p.fine_min_yuan, p.fine_max_yuan),
            )
        };
        ExplanationLine::new(
            p.article.id(),
            format!(
                "{}：公安机关依法采取的措施为{}（{fine_zh}；有违法所得的，没收违法所得）。本评估只列明处罚，不据此改变其他结论。",
                o.zh(),
                zh.join("、")
            ),
            format!(
                "{}: the public security organs impose {} ({fine_en}; confiscation where there are illegal gains). The library reports the penalty and changes nothing else.",
                capitalise(o.en()),
                en.join(", ")
            ),
        )
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}
