//! The interpretations applied where the text is silent (RULES.md §9), each named in every
//! assessment it shapes.

use crate::vocab::{words, WordSet};

words! {
    /// A named interpretation choice. The label is the choice, in a line.
    pub enum Interpretation {
        /// How "7 days" and similar periods are counted.
        I1 = 0 => "I1", "期间按民法典计算：起算日不计入，末日为休息日的顺延至休息日后第一个工作日（可选自然日、工作日）",
            "periods follow the Civil Code: the event day is not counted and a last day on a rest day moves to the next working day (calendar or working-day counting selectable)";
        /// The 7-day limit binds the permit application too.
        I2 = 1 => "I2", "申领居住证与居住登记同受7日期限约束",
            "the permit application is due within the same 7 days as the registration";
        /// The under-16 exemption ends on reaching 16 full years.
        I3 = 2 => "I3", "未满16周岁的免办自年满16周岁之日终止，此后7日内应申领居住证；在学者按就学免办，不设终止日",
            "the under-16 exemption ends on the day the person reaches 16 full years; the permit is then due within 7 days (students stay exempt as students)";
        /// Art 11 residents get no permit, even voluntarily.
        I4 = 3 => "I4", "第十一条所列人员只办理居住登记，不申领居住证（特别规定优先于自愿申领）",
            "Art 11 residents are registered only and get no permit, even on request (the specific rule prevails)";
        /// Art 11 institutions also register lodging residents.
        I5 = 4 => "I5", "第十一条的单位登记也适用于寄住人口",
            "the Art 11 institutions also register lodging residents";
        /// The extension deadline is a latest date, not rolled.
        I6 = 5 => "I6", "延期申请最迟于有效期满前30日提出，不因休息日顺延",
            "the extension is due no later than 30 days before expiry, not moved for rest days";
        /// Arrivals before the Measures count from 2013-04-01.
        I7 = 6 => "I7", "本办法施行前开始的期间自2013年4月1日起算",
            "a period that would start before 2013-04-01 starts on 2013-04-01";
        /// No fine for late reporting alone.
        I8 = 7 => "I8", "仅迟报的不罚款，只记入信用档案",
            "late reporting alone earns a credit entry but no fine";
        /// No Art 21 consequence for a permit-exempt floating person who does not register.
        I9 = 8 => "I9", "免办居住证的流动人口未登记的，不适用第二十一条，仅显示逾期",
            "a permit-exempt floating person who does not register faces no Art 21 consequence; the registration shows overdue";
    }
}

/// A set of interpretations, listed in id order.
pub type Interpretations = WordSet<Interpretation>;
