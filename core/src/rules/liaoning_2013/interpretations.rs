//! The interpretations applied where the text is silent (RULES.md §9; H1–H3 for household
//! registration, §12; O1–O4 for people from outside the mainland, §13), each named in every
//! assessment it shapes. Codes are stable, and fill the 16 bits the C ABI and the batch columns
//! carry.

use crate::vocab::{words, WordSet};

words! {
    /// A named interpretation choice. The label is the choice, in a line.
    pub enum Interpretation {
        /// How "7 days" and similar periods are counted.
        I1 = 0 => "I1", "期间按《民法典》计算（2021年1月1日前开始的期间按《民法通则》第一百五十四条，计法相同）：开始的当日不计入，末日为法定休假日的顺延至其后第一个工作日（可选自然日、工作日计算）",
            "periods follow the Civil Code (a period begun before 2021-01-01, the General Principles of the Civil Law Art 154, which counts the same way): the event day is not counted and a last day on a rest day moves to the next working day (calendar or working-day counting selectable)";
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
        I8 = 7 => "I8", "仅未按时报送的不罚款，只记入信用档案",
            "late reporting alone earns a credit entry but no fine";
        /// No Art 21 consequence for a permit-exempt floating person who does not register.
        I9 = 8 => "I9", "免办居住证的流动人口未登记的，不适用第二十一条，仅显示逾期",
            "a permit-exempt floating person who does not register faces no Art 21 consequence; the registration shows overdue";
        /// Art 8 applies the national periods of the 1958 Hukou Registration Regulations.
        H1 = 9 => "H1", "第八条的户口登记期限适用《户口登记条例》的规定（本办法未另定期限）",
            "Art 8 household events follow the periods of the Hukou Registration Regulations (the Measures set none)";
        /// "Before burial" means on or before the burial day.
        H2 = 10 => "H2", "城市死亡“葬前”申报：最迟于安葬当日，不因休息日顺延",
            "a town death is declared \"before burial\": on the burial day at the latest, not moved for rest days";
        /// "Before moving out / enlisting" means on or before that day.
        H3 = 11 => "H3", "“迁出前”“入伍前”申报：最迟于迁出、入伍当日，不因休息日顺延",
            "\"before moving out\" and \"before enlisting\": on that day at the latest, not moved for rest days";
        /// Hours end on the date they reach; the deadline is that date (and the hour, if known).
        O1 = 12 => "O1", "按小时计算的登记期限以期满之日为截止日期（24小时为次日，72小时为第三日）；给出到达时刻的，并给出截止时刻",
            "a limit in hours ends on the date the hours reach (24 hours: the next day; 72: the third day), with the hour when the arrival time is given";
        /// Hours are never moved over rest days.
        O2 = 13 => "O2", "按小时计算的期限不因休息日顺延",
            "a limit in hours is not moved over rest days";
        /// A registration on the deadline day is on time (registrations carry no time).
        O3 = 14 => "O3", "登记只记日期：在截止日当天登记的视为按期",
            "registrations carry a date only: one made on the deadline day counts as on time";
        /// A late registration still carries the penalty.
        O4 = 15 => "O4", "逾期后补办登记的，仍适用未按规定登记的处罚",
            "a registration made late still carries the penalty for not registering in time";
    }
}

/// A set of interpretations, listed in id order.
pub type Interpretations = WordSet<Interpretation>;
